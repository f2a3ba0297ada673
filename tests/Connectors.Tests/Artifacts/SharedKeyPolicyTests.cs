using Azure.Core;
using Azure.Core.Pipeline;
using RagnarokOps.Connectors.Artifacts;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Connectors.Tests.Artifacts;

public sealed class SharedKeyPolicyTests
{
    [Fact]
    public void OnSendingRequest_ListRequest_SignsCanonicalHeadersAndSortedQuery()
    {
        var policy = new SharedKeyPolicy("acct", new byte[32], new ManualClock(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero)));
        var pipeline = HttpPipelineBuilder.Build(new BlobStoreOptions().ToClientOptions());
        using var message = pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Get;
        message.Request.Uri.Reset(new Uri("https://acct.blob.core.windows.net/cases?restype=container&comp=list&prefix=case-1%2F"));
        message.Request.Headers.SetValue("x-ms-version", "2023-11-03");
        message.Request.Headers.SetValue("X-MS-Meta-B", "  two  ");

        policy.OnSendingRequest(message);

        Assert.Equal(
            "GET\n\n\n\n\n\n\n\n\n\n\n\nx-ms-date:Wed, 01 May 2024 12:00:00 GMT\nx-ms-meta-b:two\nx-ms-version:2023-11-03\n/acct/cases\ncomp:list\nprefix:case-1/\nrestype:container",
            policy.StringToSign(message.Request));
        Assert.True(message.Request.Headers.TryGetValue("Authorization", out var authorization));
        Assert.StartsWith("SharedKey acct:", authorization, StringComparison.Ordinal);
    }

    [Fact]
    public void StringToSign_PutWithContent_CarriesLengthAndContentType()
    {
        var policy = new SharedKeyPolicy("devstoreaccount1", new byte[32]);
        var pipeline = HttpPipelineBuilder.Build(new BlobStoreOptions().ToClientOptions());
        using var message = pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Put;
        message.Request.Uri.Reset(new Uri("http://127.0.0.1:10000/devstoreaccount1/c/case-1/a.txt"));
        message.Request.Headers.SetValue("Content-Type", "text/plain");
        message.Request.Content = RequestContent.Create(new byte[] { 1, 2, 3 });

        var lines = policy.StringToSign(message.Request).Split('\n');

        Assert.Equal(("PUT", "3", "text/plain"), (lines[0], lines[3], lines[5]));
        Assert.Equal("/devstoreaccount1/devstoreaccount1/c/case-1/a.txt", lines[^1]);
    }
}
