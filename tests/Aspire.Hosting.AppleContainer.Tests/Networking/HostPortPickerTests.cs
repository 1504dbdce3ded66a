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
    public void A_port_asked_for_under_a_stable_key_is_the_same_for_every_picker_while_it_is_free()
    {
        var key = $"engd-{Guid.NewGuid():N}/cache/tcp";
        var ephemeralStart = HostPortPicker.Shared.EphemeralStart;

        var first = new HostPortPicker(ephemeralStart, new Random(1)).Pick(ProtocolType.Tcp, key);
        var second = new HostPortPicker(ephemeralStart, new Random(2)).Pick(ProtocolType.Tcp, key);

        Assert.Equal(first, second);
        Assert.InRange(first, HostPortPicker.LowestPort, ephemeralStart - 1);
    }

    [Fact]
    public void A_stable_key_whose_first_candidate_is_taken_gets_its_next_fixed_candidate()
    {
        var key = $"engd-{Guid.NewGuid():N}/cache/tcp";
        var picker = new HostPortPicker(HostPortPicker.Shared.EphemeralStart, new Random(1));
        using var holder = new TcpListener(IPAddress.Loopback, picker.StablePort(key, 0));
        holder.Start();

        Assert.Equal(picker.StablePort(key, 1), picker.Pick(ProtocolType.Tcp, key));
        Assert.Equal(picker.StablePort(key, 1), new HostPortPicker(picker.EphemeralStart, new Random(2)).Pick(ProtocolType.Tcp, key));
    }

    [Fact]
    public void A_stable_key_gets_its_port_again_once_free_but_no_other_pick_gets_that_port()
    {
        var key = $"engd-{Guid.NewGuid():N}/cache/tcp";
        var other = $"engd-{Guid.NewGuid():N}/db/tcp";
        var probe = new HostPortPicker(HostPortPicker.Shared.EphemeralStart, new Random(1));
        var stable = probe.StablePort(key, 0);
        var fallback = probe.StablePort(other, 0);
        var picker = new HostPortPicker(probe.EphemeralStart, new ScriptedRandom(stable, fallback));

        var first = picker.Pick(ProtocolType.Tcp, key);
        var again = picker.Pick(ProtocolType.Tcp, key);
        var unkeyed = picker.Pick();

        Assert.Equal(stable, first);
        Assert.Equal(stable, again);
        Assert.Equal(fallback, unkeyed);
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
