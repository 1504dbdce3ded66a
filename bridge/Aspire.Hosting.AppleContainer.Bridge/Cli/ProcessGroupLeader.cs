using System.Collections;
using System.IO.Pipes;
using System.Runtime.InteropServices;
using System.Text;

namespace Aspire.Hosting.AppleContainer.Bridge.Cli;

/// <summary>
/// A child started with <c>posix_spawn</c> as the leader of a new process group (Linux and macOS). A terminal's Ctrl+C
/// goes to the foreground process group only, so it reaches the AppHost but not its CLI children: Apple's attached
/// <c>container start --attach</c> would forward SIGINT to the container's init (ProcessIO.swift@1.2.2:28-34, 198-201),
/// and podman's long-lived <c>events</c> would die with it. The AppHost alone decides how its containers stop. Every
/// signal is reset to its default disposition in the child (.NET ignores SIGPIPE, which a child would inherit), the
/// signal mask is emptied, and the pipes are close-on-exec in the parent (<see cref="AnonymousPipeServerStream"/>).
/// </summary>
internal sealed unsafe class ProcessGroupLeader : IChildProcess
{
    private const int SigKill = 9;

    private readonly TaskCompletionSource<int> _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly AnonymousPipeServerStream _stdout;
    private readonly AnonymousPipeServerStream _stderr;
    private readonly AnonymousPipeServerStream _stdin;

    private ProcessGroupLeader(int id, AnonymousPipeServerStream stdout, AnonymousPipeServerStream stderr, AnonymousPipeServerStream stdin)
    {
        Id = id;
        (_stdout, _stderr, _stdin) = (stdout, stderr, stdin);
        StandardOutput = new StreamReader(stdout, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false);
        StandardError = new StreamReader(stderr, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false);
        StandardInput = new StreamWriter(stdin, new UTF8Encoding(false)) { AutoFlush = true };
        var waiter = new Thread(WaitForExit) { IsBackground = true, Name = $"waitpid {id}" };
        waiter.Start();
    }

    public int Id { get; }

    public StreamReader StandardOutput { get; }

    public StreamReader StandardError { get; }

    public StreamWriter StandardInput { get; }

    public bool HasExited => _exit.Task.IsCompleted;

    /// <summary>Whether this platform starts children this way (Linux and macOS).</summary>
    public static bool IsSupported => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS();

    /// <summary>Starts <paramref name="request"/>'s executable in a new process group.</summary>
    /// <exception cref="FileNotFoundException">The executable cannot be started (its errno in the message).</exception>
    public static ProcessGroupLeader Start(ProcessRequest request)
    {
        var file = ResolveExecutable(request.FileName);
        var stdout = new AnonymousPipeServerStream(PipeDirection.In, HandleInheritability.None);
        var stderr = new AnonymousPipeServerStream(PipeDirection.In, HandleInheritability.None);
        var stdin = new AnonymousPipeServerStream(PipeDirection.Out, HandleInheritability.None);
        try
        {
            var pid = Spawn(file, [file, .. request.Arguments], Environment(request), request.WorkingDirectory, stdin, stdout, stderr);
            stdout.DisposeLocalCopyOfClientHandle();
            stderr.DisposeLocalCopyOfClientHandle();
            stdin.DisposeLocalCopyOfClientHandle();
            return new ProcessGroupLeader(pid, stdout, stderr, stdin);
        }
        catch
        {
            stdout.Dispose();
            stderr.Dispose();
            stdin.Dispose();
            throw;
        }
    }

    public Task<int> WaitForExitAsync() => _exit.Task;

    /// <summary>SIGKILL to the whole group (the CLI and whatever it started that stayed in the group).</summary>
    public void KillTree()
    {
        if (!HasExited)
        {
            PosixSpawn.Kill(-Id, SigKill);
            PosixSpawn.Kill(Id, SigKill);
        }
    }

    public void Dispose()
    {
        StandardInput.Dispose();
        StandardOutput.Dispose();
        StandardError.Dispose();
        _stdout.Dispose();
        _stderr.Dispose();
        _stdin.Dispose();
    }

    private static int Spawn(string file, IReadOnlyList<string> argv, IReadOnlyList<string> environment, string? workingDirectory, AnonymousPipeServerStream stdin, AnonymousPipeServerStream stdout, AnonymousPipeServerStream stderr)
    {
        var blocks = (byte*)NativeMemory.AllocZeroed(4 * PosixSpawn.OpaqueSize);
        var actions = blocks;
        var attributes = blocks + PosixSpawn.OpaqueSize;
        var defaults = blocks + (2 * PosixSpawn.OpaqueSize);
        var mask = blocks + (3 * PosixSpawn.OpaqueSize);
        using var arguments = new NativeStringArray(argv);
        using var variables = new NativeStringArray(environment);
        try
        {
            Check(PosixSpawn.FileActionsInit(actions), "posix_spawn_file_actions_init");
            Check(PosixSpawn.AttributesInit(attributes), "posix_spawnattr_init");
            try
            {
                Check(PosixSpawn.FileActionsAddDup2(actions, FileDescriptor(stdin), 0), "adddup2");
                Check(PosixSpawn.FileActionsAddDup2(actions, FileDescriptor(stdout), 1), "adddup2");
                Check(PosixSpawn.FileActionsAddDup2(actions, FileDescriptor(stderr), 2), "adddup2");
                if (workingDirectory is not null)
                {
                    Check(PosixSpawn.FileActionsAddChdir(actions, workingDirectory), "addchdir");
                }

                Check(PosixSpawn.SignalSetFill(defaults), "sigfillset");
                Check(PosixSpawn.SignalSetEmpty(mask), "sigemptyset");
                var flags = (short)(PosixSpawn.SetProcessGroup | PosixSpawn.SetSignalDefaults | PosixSpawn.SetSignalMask);
                if (OperatingSystem.IsMacOS())
                {
                    flags |= PosixSpawn.CloseOnExecDefault;
                }

                Check(PosixSpawn.AttributesSetFlags(attributes, flags), "posix_spawnattr_setflags");
                Check(PosixSpawn.AttributesSetProcessGroup(attributes, 0), "posix_spawnattr_setpgroup");
                Check(PosixSpawn.AttributesSetSignalDefaults(attributes, defaults), "posix_spawnattr_setsigdefault");
                Check(PosixSpawn.AttributesSetSignalMask(attributes, mask), "posix_spawnattr_setsigmask");
                var error = PosixSpawn.Spawn(out var pid, file, actions, attributes, arguments.Pointer, variables.Pointer);
                return error == 0
                    ? pid
                    : throw new FileNotFoundException($"'{file}' could not be started ({Marshal.GetPInvokeErrorMessage(error)}).", file);
            }
            finally
            {
                PosixSpawn.AttributesDestroy(attributes);
                PosixSpawn.FileActionsDestroy(actions);
            }
        }
        finally
        {
            NativeMemory.Free(blocks);
        }
    }

    private static int FileDescriptor(AnonymousPipeServerStream pipe) => (int)pipe.ClientSafePipeHandle.DangerousGetHandle();

    private static void Check(int result, string call)
    {
        if (result != 0)
        {
            throw new IOException($"{call} failed ({Marshal.GetPInvokeErrorMessage(result)}).");
        }
    }

    /// <summary>As <see cref="System.Diagnostics.Process"/> does: a name without a slash is looked up on PATH.</summary>
    private static string ResolveExecutable(string fileName)
    {
        if (fileName.Contains('/', StringComparison.Ordinal))
        {
            return Path.GetFullPath(fileName);
        }

        foreach (var directory in (System.Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, fileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return fileName;
    }

    private static List<string> Environment(ProcessRequest request)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            variables[(string)entry.Key] = (string?)entry.Value ?? string.Empty;
        }

        foreach (var (name, value) in request.Environment)
        {
            if (value is null)
            {
                variables.Remove(name);
            }
            else
            {
                variables[name] = value;
            }
        }

        return [.. variables.Select(v => $"{v.Key}={v.Value}")];
    }

    private void WaitForExit()
    {
        int status;
        while (true)
        {
            if (PosixSpawn.WaitPid(Id, &status, 0) == Id)
            {
                _exit.TrySetResult(PosixSpawn.ExitCodeOf(status));
                return;
            }

            if (Marshal.GetLastPInvokeError() != PosixSpawn.Interrupted)
            {
                // ECHILD: someone else reaped it (a parent that ignores SIGCHLD makes .NET reap every child); the code is lost.
                _exit.TrySetResult(-1);
                return;
            }
        }
    }

    /// <summary>A NULL-terminated array of UTF-8 C strings, freed on dispose.</summary>
    private sealed class NativeStringArray : IDisposable
    {
        public NativeStringArray(IReadOnlyList<string> values)
        {
            Pointer = (byte**)NativeMemory.AllocZeroed((nuint)(values.Count + 1), (nuint)sizeof(byte*));
            for (var i = 0; i < values.Count; i++)
            {
                Pointer[i] = (byte*)Marshal.StringToCoTaskMemUTF8(values[i]);
            }
        }

        public byte** Pointer { get; }

        public void Dispose()
        {
            for (var i = 0; Pointer[i] != null; i++)
            {
                Marshal.FreeCoTaskMem((nint)Pointer[i]);
            }

            NativeMemory.Free(Pointer);
        }
    }
}
