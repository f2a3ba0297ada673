using System.Text.Json;
using RagnarokOps.Connectors.GitLab;

namespace RagnarokOps.Connectors.Tests.GitLab;

public sealed class LenientDateTimeOffsetConverterTests
{
    private sealed record Holder(DateTimeOffset At, DateTimeOffset? Maybe);

    [Theory]
    [InlineData("2015-05-17 17:06:40 UTC", "2015-05-17T17:06:40+00:00")]
    [InlineData("2021-04-28 21:50:00 +0200", "2021-04-28T19:50:00+00:00")]
    [InlineData("2021-04-28 21:50:00 +02:00", "2021-04-28T19:50:00+00:00")]
    [InlineData("2016-12-12T20:10:39.000+01:00", "2016-12-12T19:10:39+00:00")]
    [InlineData("2013-10-02T09:22:45Z", "2013-10-02T09:22:45+00:00")]
    public void Read_GitLabFormats_ParseToTheSameInstant(string text, string expectedUtc)
    {
        var holder = JsonSerializer.Deserialize<Holder>($$"""{"at":"{{text}}","maybe":"{{text}}"}""", GitLabJson.Options)!;

        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), holder.At);
        Assert.Equal(holder.At, holder.Maybe);
    }

    [Fact]
    public void Read_Null_ForNullableIsNull()
    {
        var holder = JsonSerializer.Deserialize<Holder>("""{"at":"2013-10-02T09:22:45Z","maybe":null}""", GitLabJson.Options)!;

        Assert.Null(holder.Maybe);
    }

    [Fact]
    public void Read_Garbage_Throws() =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Holder>("""{"at":"yesterday-ish"}""", GitLabJson.Options));

    [Fact]
    public void Write_AlwaysIso8601()
    {
        var json = JsonSerializer.Serialize(new Holder(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), null), GitLabJson.Options);

        Assert.Equal("""{"at":"2026-01-02T03:04:05.0000000+00:00"}""", json);
    }
}
