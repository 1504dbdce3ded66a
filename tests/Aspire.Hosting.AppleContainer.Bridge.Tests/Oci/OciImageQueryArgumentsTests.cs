using Aspire.Hosting.AppleContainer.Bridge.Oci;

namespace Aspire.Hosting.AppleContainer.Bridge.Tests.Oci;

public sealed class OciImageQueryArgumentsTests
{
    [Fact]
    public void Several_images_are_inspected_in_one_call_printing_one_id_line_each_for_both_flavors()
    {
        foreach (var flavor in new[] { OciFlavor.Podman, OciFlavor.Docker })
        {
            Assert.Equal(["image", "inspect", "--format", "{{.Id}}", "b:1", "localhost/a:2"], new OciArguments(flavor).ImageInspect(["b:1", "localhost/a:2"]));
        }
    }
}
