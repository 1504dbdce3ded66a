using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using AppleCliEmulator.Errors;

namespace AppleCliEmulator.Containers;

/// <summary>
/// Platforms. DefaultPlatform.resolveWithDefaults (DefaultPlatform.swift@1.2.2:106–120): <c>--platform</c>, else
/// <c>CONTAINER_DEFAULT_PLATFORM</c>, else <c>--os</c>/<c>--arch</c> (default linux and the host architecture). Platform
/// (ContainerizationOCI Platform.swift@0.40.1) parses <c>os/arch[/variant]</c> (arm64 gets variant v8) and encodes
/// <c>architecture</c>, <c>os</c> and <c>variant</c> when set. The emulated Mac's architecture is this machine's.
/// </summary>
internal static class PlatformResolver
{
    public static string HostArchitecture => RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "arm64" : "amd64";

    public static JsonObject ResolveWithDefaults(string? platform, string? os, string? arch)
    {
        if (platform is not null)
        {
            return Parse(platform);
        }

        if (Environment.GetEnvironmentVariable("CONTAINER_DEFAULT_PLATFORM") is { Length: > 0 } fromEnvironment)
        {
            return Parse(fromEnvironment);
        }

        return new JsonObject { ["architecture"] = Normalize(arch ?? HostArchitecture), ["os"] = os ?? "linux" };
    }

    /// <summary>DefaultPlatform.resolve (lines 75–92), for pull and push: null when nothing narrows the platforms.</summary>
    public static JsonObject? Resolve(string? platform, string? os, string? arch)
    {
        if (platform is not null)
        {
            return Parse(platform);
        }

        if (arch is not null)
        {
            return Parse($"{os ?? "linux"}/{arch}");
        }

        if (os is not null)
        {
            return Parse($"{os}/{HostArchitecture}");
        }

        return Environment.GetEnvironmentVariable("CONTAINER_DEFAULT_PLATFORM") is { Length: > 0 } fromEnvironment ? Parse(fromEnvironment) : null;
    }

    public static JsonObject Parse(string text)
    {
        var items = SwiftSplit.Split(text, '/', maxSplits: 1);
        var os = items.FirstOrDefault() ?? throw Invalid($"missing OS in {text}");
        if (os is not ("linux" or "windows" or "darwin"))
        {
            throw Invalid($"unknown OS in {os}");
        }

        if (items.Count < 2)
        {
            throw Invalid($"missing architecture in {text}");
        }

        var archItems = SwiftSplit.Split(items[1], '/', maxSplits: 1, omitEmpty: false);
        var (arch, variant) = archItems[0] switch
        {
            "arm" or "armhf" or "armel" => ("arm", (string?)"v7"),
            "aarch64" or "arm64" => ("arm64", "v8"),
            "x86_64" or "x86-64" or "amd64" => ("amd64", null),
            var other => (other, null),
        };
        if (archItems.Count == 2)
        {
            variant = archItems[1];
        }

        var result = new JsonObject { ["architecture"] = arch, ["os"] = os };
        if (variant is not null)
        {
            result["variant"] = variant;
        }

        return result;
    }

    /// <summary>Platform.description: <c>os/arch[/variant]</c>.</summary>
    public static string Describe(JsonObject platform) =>
        platform["variant"] is { } variant
            ? $"{platform["os"]}/{platform["architecture"]}/{variant}"
            : $"{platform["os"]}/{platform["architecture"]}";

    private static string Normalize(string arch) => arch switch
    {
        "aarch64" or "arm64" => "arm64",
        "x86_64" or "x86-64" or "amd64" => "amd64",
        "arm" or "armhf" or "armel" => "arm",
        _ => arch,
    };

    private static CliFailure Invalid(string message) => CliFailure.Of(ContainerizationError.InvalidArgument(message));
}
