using System.Globalization;
using System.Text.Json.Nodes;
using AppleCliEmulator.Cli;
using AppleCliEmulator.Errors;
using AppleCliEmulator.Images;

namespace AppleCliEmulator.Containers;

/// <summary>
/// Parser.process (Parser.swift@1.2.2:263–330): the environment (image, env files, <c>--env</c>), the working directory
/// (<c>--workdir</c>, the image's, <c>/</c>), the command (<c>--entrypoint</c> replaces the image entrypoint and drops its
/// CMD; arguments replace the CMD), the user, rlimits; encoded as ProcessConfiguration (ProcessConfiguration.swift@1.2.2).
/// </summary>
internal static class ProcessConfigurationBuilder
{
    public static JsonObject Build(ParsedArguments args, IReadOnlyList<string> arguments, LocalImage image)
    {
        var environment = EnvironmentParser.AllEnvironment(image.Env, args.Values("--env-file"), args.Values("--env"));
        var workingDirectory = args.Value("--workdir") ?? image.WorkingDir ?? "/";
        var command = new List<string>();
        var entrypointOverride = false;
        if (args.Value("--entrypoint") is { Length: > 0 } entrypoint)
        {
            command.Add(entrypoint);
            entrypointOverride = true;
        }
        else if (image.Entrypoint.Count > 0)
        {
            command.AddRange(image.Entrypoint);
        }

        if (arguments.Count > 0)
        {
            command.AddRange(arguments);
        }
        else if (!entrypointOverride && image.Cmd.Count > 0)
        {
            command.AddRange(image.Cmd);
        }

        if (command.Count == 0)
        {
            throw CliFailure.Of(ContainerizationError.InvalidArgument("command/entrypoint not specified for container process"));
        }

        var defaultUser = image.User is { } imageUser ? UserParser.Raw(imageUser) : UserParser.Id(0, 0);
        var (user, groups) = UserParser.Parse(args.Value("--user"), ParseUInt(args.Value("--uid")), ParseUInt(args.Value("--gid")), defaultUser);
        return new JsonObject
        {
            ["arguments"] = Strings(command.Skip(1)),
            ["environment"] = Strings(environment),
            ["executable"] = command[0],
            ["rlimits"] = Rlimits(args.Values("--ulimit")),
            ["supplementalGroups"] = new JsonArray([.. groups.Select(g => (JsonNode)JsonValue.Create(g))]),
            ["terminal"] = args.Has("--tty"),
            ["user"] = user,
            ["workingDirectory"] = workingDirectory,
        };
    }

    public static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);

    /// <summary><c>--ulimit type=soft[:hard]</c> as a ProcessConfiguration.Rlimit.</summary>
    private static JsonArray Rlimits(IReadOnlyList<string> limits)
    {
        var result = new JsonArray();
        foreach (var limit in limits)
        {
            var pair = limit.Split('=', 2);
            var values = pair.Length == 2 ? pair[1].Split(':', 2) : [];
            if (pair.Length != 2 || !ulong.TryParse(values[0], out var soft))
            {
                throw CliFailure.Of(ContainerizationError.InvalidArgument($"invalid ulimit format {limit}"));
            }

            var hard = values.Length == 2 && ulong.TryParse(values[1], out var h) ? h : soft;
            result.Add(new JsonObject { ["hard"] = hard, ["limit"] = $"RLIMIT_{pair[0].ToUpperInvariant()}", ["soft"] = soft });
        }

        return result;
    }

    private static uint? ParseUInt(string? text) => text is null ? null : uint.Parse(text, CultureInfo.InvariantCulture);
}
