using Microsoft.Extensions.DependencyInjection;
using Microsoft.DurableTask.Testing;
using RagnarokOps.Functions.Approvals;
using RagnarokOps.Functions.Escalations;
using RagnarokOps.Functions.FunctionsApp;
using RagnarokOps.Functions.Hosting;
using RagnarokOps.Functions.Webhooks;
using RagnarokOps.Functions.Tests.Webhooks;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Functions.Tests.FunctionsApp;

/// <summary>The Functions worker's container resolves what its triggers ask for, with the invocation's engine client.</summary>
public sealed class FunctionsWorkerHostTests
{
    [Fact]
    public void IsLaunchedByFunctionsHost_WorkerArguments_AreRecognisedAndCliArgumentsAreNot()
    {
        Assert.True(FunctionsWorkerHost.IsLaunchedByFunctionsHost(["--functions-uri", "http://127.0.0.1:7071/", "--functions-worker-id", "w1"]));
        Assert.True(FunctionsWorkerHost.IsLaunchedByFunctionsHost(["--host", "127.0.0.1", "--port", "7072", "--workerId", "w1"]));
        Assert.False(FunctionsWorkerHost.IsLaunchedByFunctionsHost(["serve", "--urls", "http://127.0.0.1:7071"]));
    }

    [Fact]
    public async Task Build_Invocation_ResolvesEveryTriggerServiceAndActivity()
    {
        using var dir = new TempDirectory();
        File.Copy(Path.Combine(RepoPaths.Root, "host.json"), dir.Combine("host.json"));
        var configuration = HostConfiguration.Load(dir.Path, new Dictionary<string, string?>
        {
            ["GitLab:BaseUrl"] = "http://127.0.0.1:9",
            ["GitLab:Token"] = "glpat-test",
            ["Approvals:SigningKey"] = new string('k', 40),
            [HostPaths.DataDirectoryKey] = dir.Combine("data"),
        });
        await using var engine = await DurableTaskTestHost.StartAsync(_ => { }, new DurableTaskTestHostOptions { Port = FlowTestHost.FreePort() });
        using var host = FunctionsWorkerHost.Build([], configuration);
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<InvocationClient>().Set(engine.Client, null);

        Assert.Same(engine.Client, scope.ServiceProvider.GetRequiredService<EngineClient>().Client);
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<EscalationStarter>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<NoteCommandHandler>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<IApprovalRequestSource>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<IApprovalDecisionSink>());
        Assert.IsType<FunctionsCheckStatusLinks>(scope.ServiceProvider.GetRequiredService<ICheckStatusLinks>());
        foreach (var (name, type) in EscalationServices.Activities)
        {
            Assert.True(ActivatorUtilities.CreateInstance(scope.ServiceProvider, type) is not null, name);
        }
    }
}
