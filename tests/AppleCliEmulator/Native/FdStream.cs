using Microsoft.Win32.SafeHandles;

namespace AppleCliEmulator.Native;

/// <summary>A blocking <see cref="FileStream"/> over a raw descriptor (FIFOs, /dev/null), which it owns.</summary>
internal static class FdStream
{
    public static FileStream Wrap(int fd, FileAccess access) =>
        new(new SafeFileHandle(fd, ownsHandle: true), access, bufferSize: 0, isAsync: false);
}
