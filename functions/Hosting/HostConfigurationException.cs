namespace RagnarokOps.Functions.Hosting;

/// <summary>
/// A configuration file the host cannot start with. The message is one line that names the file,
/// the line and column (when known) and the field, e.g. <c>host.json(9,20): extensions.durableTask.hubName: …</c>.
/// </summary>
internal sealed class HostConfigurationException(string message) : Exception(message)
{
    public static HostConfigurationException At(string file, JsonPosition? position, string field, string problem)
    {
        var where = position is { } p ? $"{Path.GetFileName(file)}({p.Line},{p.Column})" : Path.GetFileName(file);
        var what = string.IsNullOrEmpty(field) ? problem : $"{field}: {problem}";
        return new HostConfigurationException($"{where}: {what} [{file}]");
    }
}
