namespace Aspire.Hosting.AppleContainer.Bridge.Apple.Tests.Unit;

/// <summary>Golden argv of the several-image query (ImageInspect.swift @1.0.0: <c>@Argument var images: [String]</c>).</summary>
public sealed class AppleImageQueryArgumentsTests
{
    [Fact]
    public void Several_images_are_inspected_in_one_call_in_the_given_order()
    {
        Assert.Equal(["image", "inspect", "b:1", "a:2"], AppleArguments.ImageInspect(["b:1", "a:2"]));
    }
}
