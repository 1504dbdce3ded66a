using System.Runtime.InteropServices;

namespace Aspire.Hosting.AppleContainer.Bridge.Cli;

/// <summary>
/// <c>posix_spawn(3)</c> and the calls around it, from libc on Linux (glibc) and macOS. posix_spawn is the one way to
/// start a child in a process group of its own from a multi-threaded process; <see cref="System.Diagnostics.Process"/>
/// cannot. The attribute and file-action objects are opaque: glibc's are structs (at most 336 bytes), macOS's are
/// pointers, so each gets a zeroed block of <see cref="OpaqueSize"/> bytes.
/// </summary>
internal static unsafe partial class PosixSpawn
{
    /// <summary>POSIX_SPAWN_SETPGROUP (the same value on glibc and macOS).</summary>
    public const short SetProcessGroup = 0x02;

    /// <summary>POSIX_SPAWN_SETSIGDEF.</summary>
    public const short SetSignalDefaults = 0x04;

    /// <summary>POSIX_SPAWN_SETSIGMASK.</summary>
    public const short SetSignalMask = 0x08;

    /// <summary>POSIX_SPAWN_CLOEXEC_DEFAULT (macOS only): descriptors not named in the file actions are closed.</summary>
    public const short CloseOnExecDefault = 0x4000;

    /// <summary>Room for posix_spawnattr_t, posix_spawn_file_actions_t and sigset_t on every supported libc.</summary>
    public const int OpaqueSize = 1024;

    /// <summary>EINTR.</summary>
    public const int Interrupted = 4;

    [LibraryImport("libc", EntryPoint = "posix_spawnp", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Spawn(out int pid, string file, void* fileActions, void* attributes, byte** argv, byte** envp);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_init")]
    public static partial int FileActionsInit(void* fileActions);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_destroy")]
    public static partial int FileActionsDestroy(void* fileActions);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_adddup2")]
    public static partial int FileActionsAddDup2(void* fileActions, int fd, int newFd);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_addchdir_np", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int FileActionsAddChdir(void* fileActions, string path);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_init")]
    public static partial int AttributesInit(void* attributes);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_destroy")]
    public static partial int AttributesDestroy(void* attributes);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_setflags")]
    public static partial int AttributesSetFlags(void* attributes, short flags);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_setpgroup")]
    public static partial int AttributesSetProcessGroup(void* attributes, int processGroup);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_setsigdefault")]
    public static partial int AttributesSetSignalDefaults(void* attributes, void* signals);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_setsigmask")]
    public static partial int AttributesSetSignalMask(void* attributes, void* signals);

    [LibraryImport("libc", EntryPoint = "sigemptyset")]
    public static partial int SignalSetEmpty(void* set);

    [LibraryImport("libc", EntryPoint = "sigfillset")]
    public static partial int SignalSetFill(void* set);

    [LibraryImport("libc", EntryPoint = "waitpid", SetLastError = true)]
    public static partial int WaitPid(int pid, int* status, int options);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);

    /// <summary>The exit code of a <c>waitpid</c> status: the code, or 128 + n for a process ended by signal n.</summary>
    public static int ExitCodeOf(int status)
    {
        var signal = status & 0x7f;
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal;
    }
}
