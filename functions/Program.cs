using RagnarokOps.Functions.Cli;

return await RagnarokCommandLine.InvokeAsync(args);
