namespace RagnarokOps.Connectors.Azurite;

/// <summary>Azurite could not be found or started; the message says what to do.</summary>
public sealed class AzuriteException(string message) : Exception(message);
