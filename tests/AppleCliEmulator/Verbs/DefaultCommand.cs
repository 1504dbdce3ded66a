using AppleCliEmulator.Cli;
using AppleCliEmulator.State;

namespace AppleCliEmulator.Verbs;

/// <summary>
/// An unknown subcommand (e.g. <c>wait</c>, <c>events</c>): Application's default subcommand looks it up as a plugin and
/// fails with a ValidationError (DefaultCommand.swift@1.2.2:36–97), so it exits 64 with the root usage. While the service
/// is down the plugin loader cannot be created and the message says so (lines 69–82).
/// </summary>
internal static class DefaultCommand
{
    public static int Run(EmulatorState state, string[] args)
    {
        var command = args[0];
        if (command.Length == 0)
        {
            throw Usage.Failure(string.Empty, $"unknown argument '{command}'");
        }

        if (command.StartsWith('-'))
        {
            throw Usage.Failure(string.Empty, $"unknown option '{command}'");
        }

        // installRoot = the executable's path without its last two components; userPluginsDir = installRoot/libexec/container-plugins
        // (PluginLoader.swift@1.2.2:62–67) and the install root's own libexec/container/plugins.
        var installRoot = InstallRoot.Path;
        var hintPaths = string.Join("\n  - ", new[] { Path.Combine(installRoot, "libexec", "container-plugins", command), Path.Combine(installRoot, "libexec", "container", "plugins", command) });
        var message = state.ServiceRunning
            ? $"Plugin 'container-{command}' not found.\n\n- If system services are not running, start them with: container system start\n- If the plugin isn't installed, ensure it exists under:\n\nCheck to see that the plugin exists under:\n  - {hintPaths}\n"
            : $"Plugins are unavailable. Start the container system services and retry:\n\n    container system start\n\nCheck to see that the plugin exists under:\n  - {hintPaths}\n";
        throw Usage.Failure(string.Empty, message);
    }
}
