using AppleCliEmulator;
using AppleCliEmulator.Runtime;

[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]

// The runtime helper is the same executable in a hidden mode (RuntimeHelper); every other argv is the CLI, recorded in the
// call journal when one is asked for (CallJournal).
if (args.Length > 0 && args[0] == RuntimeHelper.Mode)
{
    return RuntimeHelper.Run(args[1..]);
}

CallJournal.Record(args);
return Application.Run(args);
