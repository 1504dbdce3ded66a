using AppleCliEmulator.Errors;

namespace AppleCliEmulator.Cli;

/// <summary>
/// Reads a verb's argv with swift-argument-parser's habits: <c>--name value</c> and <c>--name=value</c>, short aliases and
/// combined short flags, <c>--</c> ending the options, and <c>.captureForPassthrough</c> arguments that take everything
/// after the positionals before them (ContainerCreate.swift@1.2.2:52–56, ContainerExec.swift@1.2.2:40–44). Parse errors
/// are validation failures (exit 64 with the usage, MessageInfo.swift@1.8.2:128–143) worded as ArgumentParser words them.
/// </summary>
internal sealed class ArgumentReader(string verb, IReadOnlyList<OptionSpec> specs)
{
    private readonly Dictionary<string, OptionSpec> _byName = specs
        .SelectMany(s => s.Aliases.Prepend(s.Name).Select(alias => (alias, s)))
        .ToDictionary(p => p.alias, p => p.s, StringComparer.Ordinal);

    /// <summary>
    /// Parses <paramref name="args"/>. After <paramref name="passthroughAfter"/> positionals every later token is a
    /// positional too (null: no passthrough argument). Every verb also takes <c>--debug</c> (Flags.Logging).
    /// </summary>
    public ParsedArguments Read(IReadOnlyList<string> args, int? passthroughAfter = null)
    {
        var parsed = new ParsedArguments();
        var optionsEnded = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (optionsEnded || (passthroughAfter is { } limit && parsed.Positionals.Count >= limit))
            {
                parsed.Positionals.Add(arg);
                continue;
            }

            if (arg == "--")
            {
                optionsEnded = true;
                continue;
            }

            if (!arg.StartsWith('-') || arg == "-")
            {
                parsed.Positionals.Add(arg);
                continue;
            }

            if (arg == "--debug")
            {
                continue;
            }

            var name = arg;
            string? inline = null;
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && equals > 0)
            {
                name = arg[..equals];
                inline = arg[(equals + 1)..];
            }

            if (!_byName.TryGetValue(name, out var spec))
            {
                if (!arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2 && arg[1..].All(c => _byName.TryGetValue($"-{c}", out var s) && !s.TakesValue))
                {
                    foreach (var c in arg[1..])
                    {
                        Add(parsed, _byName[$"-{c}"].Name, "true");
                    }

                    continue;
                }

                throw Usage.Failure(verb, $"Unknown option '{name}'");
            }

            if (!spec.TakesValue)
            {
                Add(parsed, spec.Name, "true");
                continue;
            }

            if (inline is null)
            {
                if (i + 1 >= args.Count)
                {
                    throw Usage.Failure(verb, $"Missing value for '{spec.Name} <{spec.ValueName}>'");
                }

                inline = args[++i];
            }

            Add(parsed, spec.Name, inline);
        }

        return parsed;
    }

    private static void Add(ParsedArguments parsed, string name, string value)
    {
        if (!parsed.Options.TryGetValue(name, out var values))
        {
            parsed.Options[name] = values = [];
        }

        values.Add(value);
    }
}
