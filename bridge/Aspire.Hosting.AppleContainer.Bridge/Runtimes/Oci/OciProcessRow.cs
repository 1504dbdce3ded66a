namespace Aspire.Hosting.AppleContainer.Bridge.Oci;

/// <summary>One process of a container as <c>top … hpid pid ppid</c> lists it.</summary>
/// <param name="HostPid">Its PID on the host.</param>
/// <param name="Pid">Its PID in the container.</param>
/// <param name="ParentPid">Its parent's PID in the container (0 for processes started from outside).</param>
internal readonly record struct OciProcessRow(int HostPid, int Pid, int ParentPid);
