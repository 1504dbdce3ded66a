using System.Net;
using System.Net.Sockets;
using Aspire.Hosting.AppleContainer.Networking;

namespace Aspire.Hosting.AppleContainer.Tests.Networking;

public class HostPortPickerTests
{
    [Fact]
    public void Picked_ports_lie_below_the_ephemeral_range_and_are_never_handed_out_twice()
    {
        var picker = new HostPortPicker(HostPortPicker.ReadEphemeralStart(), new Random(8));

        var ports = Enumerable.Range(0, 300).Select(_ => picker.Pick()).ToList();

        Assert.Equal(ports.Count, ports.Distinct().Count());
        Assert.All(ports, port => Assert.InRange(port, HostPortPicker.LowestPort, picker.EphemeralStart - 1));
    }

    [Fact]
    public void A_port_that_another_socket_holds_is_skipped()
    {
        var held = HostPortPicker.Shared.Pick();
        var other = HostPortPicker.Shared.Pick();
        using var holder = new TcpListener(IPAddress.Loopback, held);
        holder.Start();
        var picker = new HostPortPicker(HostPortPicker.Shared.EphemeralStart, new ScriptedRandom(held, other));

        var picked = picker.Pick();

        Assert.Equal(other, picked);
    }

    [Fact]
    public void Udp_ports_are_checked_with_a_udp_socket()
    {
        var held = HostPortPicker.Shared.Pick(ProtocolType.Udp);
        var other = HostPortPicker.Shared.Pick(ProtocolType.Udp);
        using var holder = new UdpClient(new IPEndPoint(IPAddress.Loopback, held));
        var picker = new HostPortPicker(HostPortPicker.Shared.EphemeralStart, new ScriptedRandom(held, other));

        Assert.Equal(other, picker.Pick(ProtocolType.Udp));
    }

    [Fact]
    public void Without_room_below_the_ephemeral_range_the_kernel_chooses_and_ports_stay_distinct()
    {
        var picker = new HostPortPicker(HostPortPicker.LowestPort, new Random(8));

        var ports = Enumerable.Range(0, 50).Select(_ => picker.Pick()).ToList();

        Assert.Equal(ports.Count, ports.Distinct().Count());
        Assert.All(ports, port => Assert.InRange(port, 1, 65535));
    }

    [Theory]
    [InlineData("40000\t60999\n", 40000)]
    [InlineData("not a range", 49152)]
    [InlineData("", 49152)]
    public void The_ephemeral_range_is_read_from_the_kernel_setting_with_the_IANA_range_as_fallback(string content, int expected)
    {
        var file = Path.Combine(Path.GetTempPath(), $"engd-port-range-{Guid.NewGuid():N}");
        File.WriteAllText(file, content);
        try
        {
            Assert.Equal(OperatingSystem.IsLinux() ? expected : 49152, HostPortPicker.ReadEphemeralStart(file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>A random source that returns the given values in order.</summary>
    private sealed class ScriptedRandom(params int[] values) : Random
    {
        private int _next;

        public override int Next(int minValue, int maxValue) => values[_next++];
    }
}
