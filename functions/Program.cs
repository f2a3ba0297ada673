using RagnarokOps.Functions.Cli;
using RagnarokOps.Functions.FunctionsApp;

// One executable, two hosts: launched by the Azure Functions host it is the isolated worker; otherwise the CLI
// (`ragnarok serve` hosts the same triggers on the local engine).
return FunctionsWorkerHost.IsLaunchedByFunctionsHost(args)
    ? await FunctionsWorkerHost.RunAsync(args)
    : await RagnarokCommandLine.InvokeAsync(args);
