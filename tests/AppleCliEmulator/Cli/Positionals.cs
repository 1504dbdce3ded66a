namespace AppleCliEmulator.Cli;

/// <summary>ArgumentParser's errors for a missing or an unexpected positional argument.</summary>
internal static class Positionals
{
    public static string Single(ParsedArguments parsed, string verb, string name)
    {
        if (parsed.Positionals.Count == 0)
        {
            throw Usage.Failure(verb, $"Missing expected argument '{name}'");
        }

        return parsed.Positionals.Count == 1 ? parsed.Positionals[0] : throw Usage.Failure(verb, $"Unexpected argument '{parsed.Positionals[1]}'");
    }

    public static List<string> AtLeastOne(ParsedArguments parsed, string verb, string name) =>
        parsed.Positionals.Count > 0 ? parsed.Positionals : throw Usage.Failure(verb, $"Missing expected argument '{name} ...'");
}
