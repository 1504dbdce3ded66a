using AppleCliEmulator;
using AppleCliEmulator.Runtime;

[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]

// The runtime helper is the same executable in a hidden mode (RuntimeHelper); every other argv is the CLI.
return args.Length > 0 && args[0] == RuntimeHelper.Mode
    ? RuntimeHelper.Run(args[1..])
    : Application.Run(args);
