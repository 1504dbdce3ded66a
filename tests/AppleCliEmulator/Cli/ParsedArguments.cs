namespace AppleCliEmulator.Cli;

/// <summary>A verb's parsed argv: options by canonical name (in order, repeated ones kept) and positionals.</summary>
internal sealed class ParsedArguments
{
    public Dictionary<string, List<string>> Options { get; } = new(StringComparer.Ordinal);

    public List<string> Positionals { get; } = [];

    public bool Has(string name) => Options.ContainsKey(name);

    /// <summary>The last value given for <paramref name="name"/> (swift-argument-parser keeps the last one).</summary>
    public string? Value(string name) => Options.TryGetValue(name, out var values) ? values[^1] : null;

    public IReadOnlyList<string> Values(string name) => Options.TryGetValue(name, out var values) ? values : [];
}
