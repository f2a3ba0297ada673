using System.Text.Json;

namespace RagnarokOps.DurableTask;

/// <summary>Turns inputs, outputs, event payloads and custom statuses into text and back.</summary>
public abstract class DataConverter
{
    /// <summary>Serializes a value; <c>null</c> stays <c>null</c>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The serialized value.</returns>
    public abstract string? Serialize(object? value);

    /// <summary>Deserializes a value; <c>null</c> gives the target type's default.</summary>
    /// <param name="data">The serialized value.</param>
    /// <param name="targetType">The type to produce.</param>
    /// <returns>The value.</returns>
    public abstract object? Deserialize(string? data, Type targetType);

    /// <summary>Deserializes a value.</summary>
    /// <typeparam name="T">The type to produce.</typeparam>
    /// <param name="data">The serialized value.</param>
    /// <returns>The value.</returns>
    public virtual T? Deserialize<T>(string? data) => (T?)(Deserialize(data, typeof(T)) ?? default(T));
}

/// <summary>The default converter: System.Text.Json with web defaults (camelCase, case-insensitive reads).</summary>
public sealed class JsonDataConverter : DataConverter
{
    private readonly JsonSerializerOptions _options;

    /// <summary>Initializes a converter with the given options, or web defaults.</summary>
    /// <param name="options">Serializer options; <c>null</c> for <see cref="JsonSerializerDefaults.Web"/>.</param>
    public JsonDataConverter(JsonSerializerOptions? options = null) =>
        _options = options ?? new JsonSerializerOptions(JsonSerializerDefaults.Web);

    /// <summary>Gets the shared default instance.</summary>
    public static JsonDataConverter Default { get; } = new();

    /// <inheritdoc/>
    public override string? Serialize(object? value) =>
        value is null ? null : JsonSerializer.Serialize(value, value.GetType(), _options);

    /// <inheritdoc/>
    public override object? Deserialize(string? data, Type targetType)
    {
        ArgumentNullException.ThrowIfNull(targetType);
        return data is null ? null : JsonSerializer.Deserialize(data, targetType, _options);
    }
}
