using Azure.Storage.Blobs;
using RagnarokOps.Connectors.Artifacts;

namespace RagnarokOps.Connectors.Tests.Artifacts;

public sealed class BlobConnectionStringTests
{
    private static BlobServiceClient Open(string connectionString) =>
        BlobConnectionString.Open("AzureWebJobsStorage", connectionString, new BlobStoreOptions().ToClientOptions());

    [Fact]
    public void Open_UseDevelopmentStorage_IsAzuriteWellKnownAccount()
    {
        var service = Open("UseDevelopmentStorage=true");

        Assert.Equal(("http://127.0.0.1:10000/devstoreaccount1", "devstoreaccount1"), (service.Uri.AbsoluteUri, service.AccountName));
    }

    [Fact]
    public void Open_SovereignSuffix_BuildsThatCloudsEndpoint() =>
        Assert.Equal("https://acct.blob.core.chinacloudapi.cn/", Open("AccountName=acct;AccountKey=a2V5;EndpointSuffix=core.chinacloudapi.cn").Uri.AbsoluteUri);

    [Theory]
    [InlineData("AccountName=acct;AccountKey secret-key-without-equals", "part 2 of 2 of the connection string is not a Key=Value setting")]
    [InlineData("secret-pasted-alone", "part 1 of 1 of the connection string is not a Key=Value setting")]
    [InlineData("AccountName=acct", "No valid combination of account information found; it needs UseDevelopmentStorage=true")]
    [InlineData("AccountName=acct;AccountKey=not*base64!secret", "No valid combination of account information found")]
    [InlineData("AccountKey=c2VjcmV0", "for a managed identity leave it empty and set AzureWebJobsStorage__accountName")]
    public void Open_Invalid_NamesTheSettingAndSaysWhatIsWrongWithoutTheKey(string connectionString, string expected)
    {
        var e = Assert.Throws<InvalidOperationException>(() => Open(connectionString));

        Assert.StartsWith("AzureWebJobsStorage: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", e.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0", e.ToString(), StringComparison.Ordinal);
    }
}
