using RagnarokOps.Connectors.Artifacts;

namespace RagnarokOps.Connectors.Tests.Artifacts;

public sealed class BlobConnectionStringTests
{
    private const string Key = "a2V5LWZvci10ZXN0cy1vbmx5";

    [Fact]
    public void Parse_UseDevelopmentStorage_IsAzuriteWellKnownAccount()
    {
        var parsed = BlobConnectionString.Parse("UseDevelopmentStorage=true");

        Assert.Equal("http://127.0.0.1:10000/devstoreaccount1", parsed.BlobEndpoint.AbsoluteUri);
        Assert.Equal("devstoreaccount1", parsed.AccountName);
        Assert.Equal(Convert.FromBase64String(BlobConnectionString.DevelopmentAccountKey), parsed.AccountKey);
    }

    [Fact]
    public void Parse_AccountNameAndKey_BuildsTheDefaultBlobEndpoint()
    {
        var parsed = BlobConnectionString.Parse($"DefaultEndpointsProtocol=https;AccountName=ragnarokst;AccountKey={Key};EndpointSuffix=core.windows.net");

        Assert.Equal("https://ragnarokst.blob.core.windows.net/", parsed.BlobEndpoint.AbsoluteUri);
        Assert.Equal("ragnarokst", parsed.AccountName);
    }

    [Fact]
    public void Parse_ExplicitBlobEndpoint_WinsAndKeepsItsPath()
    {
        var parsed = BlobConnectionString.Parse($"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Key};BlobEndpoint=http://127.0.0.1:45123/devstoreaccount1;");

        Assert.Equal("http://127.0.0.1:45123/devstoreaccount1", parsed.BlobEndpoint.AbsoluteUri);
    }

    [Fact]
    public void Parse_SovereignSuffixAndSas_AreKept()
    {
        var parsed = BlobConnectionString.Parse("AccountName=acct;EndpointSuffix=core.chinacloudapi.cn;SharedAccessSignature=?sv=2023-11-03&sig=abc");

        Assert.Equal("https://acct.blob.core.chinacloudapi.cn/", parsed.BlobEndpoint.AbsoluteUri);
        Assert.Equal("sv=2023-11-03&sig=abc", parsed.SharedAccessSignature);
        Assert.Null(parsed.AccountKey);
    }

    [Theory]
    [InlineData("AccountKey=a2V5", "AccountName (or BlobEndpoint) is required")]
    [InlineData("AccountName=acct", "needs AccountKey or SharedAccessSignature")]
    [InlineData("AccountName=acct;AccountKey=not*base64!secret", "is not base64")]
    [InlineData("AccountName=acct;garbage", "is not a Key=Value setting")]
    [InlineData("AccountName=acct;AccountKey secret-key-without-equals", "setting 2 of 2 is not a Key=Value setting")]
    [InlineData("BlobEndpoint=relative/path;AccountKey=a2V5", "is not an absolute URL")]
    public void Parse_Invalid_SaysWhatIsWrongWithoutTheKey(string connectionString, string expected)
    {
        var e = Assert.Throws<FormatException>(() => BlobConnectionString.Parse(connectionString));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_NeverShowsTheKey() =>
        Assert.DoesNotContain(Key, BlobConnectionString.Parse($"AccountName=acct;AccountKey={Key}").ToString(), StringComparison.Ordinal);
}
