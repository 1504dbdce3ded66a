// The generated constants name the images `dotnet build` produced, without repeating their tags.
Console.WriteLine(AppleContainerImages.Alpha.Reference);
Console.WriteLine(AppleContainerImages.Beta.Image + ":" + AppleContainerImages.Beta.Tag);
Console.WriteLine(AppleContainerImages.Gamma.Reference);
