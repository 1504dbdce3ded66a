namespace Aspire.Hosting.AppleContainer.Bridge.Tests.Selection;

public sealed class RuntimeSelectionOptionsTests
{
    [Fact]
    public void Settings_name_the_runtime_its_CLI_and_the_VM_transition_cap()
    {
        var settings = new Dictionary<string, string?>
        {
            [RuntimeSelectionOptions.RuntimeVariable] = " podman ",
            [RuntimeSelectionOptions.ExecutablePathVariable] = "/opt/podman/bin/podman",
            [RuntimeSelectionOptions.MaxConcurrentVmTransitionsVariable] = "3",
        };

        var options = RuntimeSelectionOptions.FromSettings(key => settings.GetValueOrDefault(key));

        Assert.Equal(new RuntimeSelectionOptions { Runtime = "podman", ExecutablePath = "/opt/podman/bin/podman", MaxConcurrentVmTransitions = 3 }, options);
    }

    [Fact]
    public void Empty_settings_leave_everything_to_auto_selection()
    {
        var options = RuntimeSelectionOptions.FromSettings(_ => " ");

        Assert.Equal(new RuntimeSelectionOptions(), options);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("two")]
    [InlineData("1.5")]
    public void A_VM_transition_cap_that_is_not_a_whole_number_of_at_least_one_is_an_invalid_spec(string value)
    {
        var error = Assert.Throws<BridgeException>(() => RuntimeSelectionOptions.FromSettings(
            key => key == RuntimeSelectionOptions.MaxConcurrentVmTransitionsVariable ? value : null));

        Assert.Equal(BridgeErrorCode.InvalidSpec, error.Code);
        Assert.Equal(RuntimeSelectionOptions.MaxConcurrentVmTransitionsVariable, error.Option);
    }
}
