namespace FakeAppleCli;

/// <summary>
/// A small argv reader with swift-argument-parser's habits: <c>--flag value</c>, <c>--flag=value</c>, short aliases,
/// repeated options, and everything after the first positional passed through (captureForPassthrough).
/// </summary>
internal sealed class FakeArgs(string[] args)
{
    private readonly string[] _args = args;
    private int _next;

    public List<string> Positionals { get; } = [];

    /// <summary>Reads options until the first positional; <paramref name="takesValue"/> names the options that take a value.</summary>
    public Dictionary<string, List<string>> ReadOptions(ISet<string> takesValue, IReadOnlyDictionary<string, string>? aliases = null, bool stopAtFirstPositional = false)
    {
        var options = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        while (_next < _args.Length)
        {
            var arg = _args[_next++];
            if (!arg.StartsWith('-') || arg == "-")
            {
                Positionals.Add(arg);
                if (stopAtFirstPositional)
                {
                    Positionals.AddRange(_args[_next..]);
                    _next = _args.Length;
                }

                continue;
            }

            var name = arg;
            string? value = null;
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && equals > 0)
            {
                name = arg[..equals];
                value = arg[(equals + 1)..];
            }

            name = aliases is not null && aliases.TryGetValue(name, out var canonical) ? canonical : name;
            if (takesValue.Contains(name))
            {
                value ??= _next < _args.Length ? _args[_next++] : throw FakeFailure.InvalidArgument($"Missing value for '{name}'");
            }

            (options.TryGetValue(name, out var list) ? list : options[name] = []).Add(value ?? "true");
        }

        return options;
    }
}
