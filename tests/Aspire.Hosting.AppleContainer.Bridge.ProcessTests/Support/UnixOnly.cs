using System.Runtime.Versioning;

// The tier drives POSIX signals, file modes and /proc or ps: Linux and macOS only.
[assembly: UnsupportedOSPlatform("windows")]
