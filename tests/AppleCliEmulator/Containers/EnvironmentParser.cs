using System.Text;
using AppleCliEmulator.Errors;

namespace AppleCliEmulator.Containers;

/// <summary>
/// Parser.envFile, Parser.env and Parser.allEnv (Sources/Services/ContainerAPIService/Client/Parser.swift@1.2.2:126–242):
/// the file is split on every newline character (<c>content.components(separatedBy: .newlines)</c>, line 175), leading
/// whitespace is dropped, blank lines and <c>#</c> comments are skipped, the name may not contain spaces or tabs, a bare
/// name is taken from the host's environment, and the value is kept verbatim. Later entries replace earlier ones with the
/// same name (lines 137–140).
/// </summary>
internal static class EnvironmentParser
{
    public static List<string> AllEnvironment(IEnumerable<string> imageEnvironment, IEnumerable<string> envFiles, IEnumerable<string> envs)
    {
        var combined = new List<string>();
        combined.AddRange(imageEnvironment.Where(e => e.Contains('=')));
        foreach (var file in envFiles)
        {
            combined.AddRange(EnvFile(file));
        }

        combined.AddRange(Env(envs));

        // reduce(into: [String: String]) keyed by the text before the first '=' (the last entry wins). Swift returns the
        // dictionary's values in hash order; the emulator keeps first-seen order.
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var entry in combined)
        {
            var key = SwiftSplit.Split(entry, '=', maxSplits: 1).FirstOrDefault() ?? entry;
            if (!byName.ContainsKey(key))
            {
                order.Add(key);
            }

            byName[key] = entry;
        }

        return [.. order.Select(k => byName[k])];
    }

    public static List<string> EnvFile(string path)
    {
        byte[] data;
        try
        {
            data = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The cause is the NSError of FileHandle(forReadingFrom:), whose text the sources do not contain.
            throw CliFailure.Of(ContainerizationError.InvalidArgument($"failed to read envfile at {path}", new TextError(ex.Message)));
        }

        string content;
        try
        {
            content = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(data);
        }
        catch (DecoderFallbackException)
        {
            throw CliFailure.Of(ContainerizationError.InvalidArgument($"env file {path} contains invalid utf8 bytes"));
        }

        var lines = new List<string>();
        foreach (var line in content.Split(NewlineCharacters.All))
        {
            var skip = 0;
            while (skip < line.Length && IsSwiftWhitespace(line[skip]))
            {
                skip++;
            }

            var trimmedLine = line[skip..];
            if (trimmedLine.Length == 0 || trimmedLine.StartsWith('#'))
            {
                continue;
            }

            var equals = trimmedLine.IndexOf('=', StringComparison.Ordinal);
            var variable = equals >= 0 ? trimmedLine[..equals] : trimmedLine;
            var value = equals >= 0 ? trimmedLine[(equals + 1)..] : string.Empty;
            var trimmedVariable = variable.TrimStart(' ', '\t');
            if (trimmedVariable.Any(c => c is ' ' or '\t'))
            {
                throw CliFailure.Of(ContainerizationError.InvalidArgument($"variable '{trimmedVariable}' contains whitespaces"));
            }

            if (trimmedVariable.Length == 0)
            {
                throw CliFailure.Of(ContainerizationError.InvalidArgument($"no variable name on line '{trimmedLine}'"));
            }

            if (equals >= 0)
            {
                lines.Add($"{trimmedVariable}={value}");
            }
            else if (Environment.GetEnvironmentVariable(trimmedVariable) is { } inherited)
            {
                lines.Add($"{trimmedVariable}={inherited}");
            }
        }

        return lines;
    }

    /// <summary>Parser.env: <c>KEY</c> without <c>=</c> is inherited from the host (dropped when unset), <c>KEY=</c> is empty.</summary>
    public static IEnumerable<string> Env(IEnumerable<string> envs)
    {
        foreach (var env in envs)
        {
            if (env.Contains('='))
            {
                yield return env;
            }
            else if (Environment.GetEnvironmentVariable(env) is { } value)
            {
                yield return $"{env}={value}";
            }
        }
    }

    /// <summary><c>Character.isWhitespace</c> (Unicode White_Space), used by <c>drop(while: { $0.isWhitespace })</c>.</summary>
    private static bool IsSwiftWhitespace(char c) => char.IsWhiteSpace(c);
}
