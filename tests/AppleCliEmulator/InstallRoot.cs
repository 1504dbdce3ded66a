namespace AppleCliEmulator;

/// <summary>The install root: the executable's path without its last two components (Application.swift@1.2.2:147–149).</summary>
internal static class InstallRoot
{
    public static string Path { get; } =
        System.IO.Path.GetDirectoryName(System.IO.Path.GetDirectoryName(Environment.ProcessPath ?? AppContext.BaseDirectory)!) ?? "/";
}
