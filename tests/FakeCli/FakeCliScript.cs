using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace FakeCli;

/// <summary>
/// Runs the steps given on the command line, in order, then exits 0. Deterministic: output depends only on the
/// arguments, the environment and stdin. Steps (each verb takes a fixed number of operands):
/// <list type="bullet">
/// <item><c>out N</c> / <c>err N</c>: lines <c>out 1</c>..<c>out N</c> on stdout / <c>err 1</c>..<c>err N</c> on stderr.</item>
/// <item><c>interleave N</c>: <c>out i</c> then <c>err i</c> for i in 1..N, each flushed at once.</item>
/// <item><c>say TEXT</c> / <c>say-err TEXT</c>: one line; <c>partial TEXT</c>: TEXT on stdout without a newline.</item>
/// <item><c>sleep MS</c>; <c>exit CODE</c> (exits at once).</item>
/// <item><c>echo-stdin</c>: stdin copied to stdout byte for byte; <c>count-stdin</c>: stdin read and discarded.
/// Both then print <c>stdin-bytes N</c> on stderr.</item>
/// <item><c>signals handle|ignore</c>: SIGINT/SIGTERM print a marker and exit with a distinct code, or are ignored
/// (a marker on stderr); see <see cref="FakeCliProtocol"/>.</item>
/// <item><c>spawn K ARG1..ARGK</c>: starts a second fake CLI with those K arguments, sharing this one's stdio.</item>
/// <item><c>pids PATH</c>: writes this process's id, then each spawned child's, one a line (atomically).</item>
/// <item><c>env NAME</c>: prints <c>NAME=VALUE</c>, or <c>NAME (unset)</c>.</item>
/// <item><c>argv ...</c>: prints every remaining argument verbatim, one a line, and ends the script.</item>
/// </list>
/// </summary>
public sealed class FakeCliScript
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly string[] _args;
    private readonly StreamWriter _out = new(Console.OpenStandardOutput(), Utf8, 64 * 1024) { AutoFlush = false };
    private readonly StreamWriter _err = new(Console.OpenStandardError(), Utf8, 64 * 1024) { AutoFlush = false };
    private readonly List<int> _children = [];
    private readonly List<PosixSignalRegistration> _signals = [];
    private int _position;

    /// <summary>Creates a script from the command line.</summary>
    public FakeCliScript(string[] args) => _args = args;

    /// <summary>Runs every step and returns the exit code.</summary>
    public int Run()
    {
        try
        {
            while (_position < _args.Length)
            {
                if (RunStep(Next()) is { } exitCode)
                {
                    return exitCode;
                }

                Flush();
            }

            return 0;
        }
        catch (Exception ex) when (ex is FormatException or IndexOutOfRangeException or ArgumentException)
        {
            _err.WriteLine($"fakecli: bad script at argument {_position}: {ex.Message}");
            return FakeCliProtocol.UsageExitCode;
        }
        finally
        {
            Flush();
        }
    }

    private int? RunStep(string verb)
    {
        switch (verb)
        {
            case "out": WriteNumbered(_out, "out", NextInt()); break;
            case "err": WriteNumbered(_err, "err", NextInt()); break;
            case "interleave": Interleave(NextInt()); break;
            case "say": _out.WriteLine(Next()); break;
            case "say-err": _err.WriteLine(Next()); break;
            case "partial": _out.Write(Next()); break;
            case "sleep": Flush(); Thread.Sleep(NextInt()); break;
            case "exit": return NextInt();
            case "echo-stdin": CopyStandardInput(Console.OpenStandardOutput()); break;
            case "count-stdin": CopyStandardInput(Stream.Null); break;
            case "signals": RegisterSignals(Next()); break;
            case "spawn": Spawn(); break;
            case "pids": WritePids(Next()); break;
            case "env": PrintVariable(Next()); break;
            case "argv": PrintRemainingArguments(); break;
            default: throw new ArgumentException($"unknown step '{verb}'");
        }

        return null;
    }

    private string Next() => _args[_position++];

    private int NextInt() => int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture);

    private void Flush()
    {
        _out.Flush();
        _err.Flush();
    }

    private static void WriteNumbered(StreamWriter writer, string prefix, int count)
    {
        for (var i = 1; i <= count; i++)
        {
            writer.Write(prefix);
            writer.Write(' ');
            writer.WriteLine(i);
        }
    }

    private void Interleave(int count)
    {
        for (var i = 1; i <= count; i++)
        {
            _out.WriteLine($"out {i}");
            _out.Flush();
            _err.WriteLine($"err {i}");
            _err.Flush();
        }
    }

    private void CopyStandardInput(Stream destination)
    {
        Flush();
        using var input = Console.OpenStandardInput();
        var buffer = new byte[16 * 1024];
        long total = 0;
        int read;
        while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
        {
            destination.Write(buffer, 0, read);
            total += read;
        }

        destination.Flush();
        _err.WriteLine(FakeCliProtocol.StandardInputBytesPrefix + total);
    }

    private void RegisterSignals(string mode)
    {
        var handle = mode switch
        {
            "handle" => true,
            "ignore" => false,
            _ => throw new ArgumentException($"signals takes 'handle' or 'ignore', not '{mode}'"),
        };
        _signals.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, context => OnSignal(context, handle, FakeCliProtocol.InterruptMarker, FakeCliProtocol.InterruptExitCode)));
        _signals.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => OnSignal(context, handle, FakeCliProtocol.TerminateMarker, FakeCliProtocol.TerminateExitCode)));
    }

    private void OnSignal(PosixSignalContext context, bool handle, string marker, int exitCode)
    {
        context.Cancel = true;
        if (!handle)
        {
            lock (_err)
            {
                _err.WriteLine(FakeCliProtocol.IgnoredMarker);
                _err.Flush();
            }

            return;
        }

        lock (_err)
        {
            _err.WriteLine(marker);
            _err.Flush();
        }

        Environment.Exit(exitCode);
    }

    private void Spawn()
    {
        var count = NextInt();
        var startInfo = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            startInfo.ArgumentList.Add(typeof(FakeCliScript).Assembly.Location);
        }

        for (var i = 0; i < count; i++)
        {
            startInfo.ArgumentList.Add(Next());
        }

        using var child = Process.Start(startInfo)!;
        _children.Add(child.Id);
    }

    private void WritePids(string path)
    {
        var temporary = path + ".tmp";
        File.WriteAllLines(temporary, [Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), .. _children.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        File.Move(temporary, path, overwrite: true);
    }

    private void PrintVariable(string name) =>
        _out.WriteLine(Environment.GetEnvironmentVariable(name) is { } value ? $"{name}={value}" : name + FakeCliProtocol.UnsetSuffix);

    private void PrintRemainingArguments()
    {
        while (_position < _args.Length)
        {
            _out.WriteLine(Next());
        }
    }
}
