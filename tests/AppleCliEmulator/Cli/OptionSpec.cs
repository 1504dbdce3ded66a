namespace AppleCliEmulator.Cli;

/// <summary>An option or flag of a verb, with its aliases and, for options, the value name shown in parse errors.</summary>
internal sealed record OptionSpec(string Name, string? ValueName, params string[] Aliases)
{
    public bool TakesValue => ValueName is not null;

    public static OptionSpec Flag(string name, params string[] aliases) => new(name, null, aliases);

    public static OptionSpec Option(string name, string valueName, params string[] aliases) => new(name, valueName, aliases);
}
