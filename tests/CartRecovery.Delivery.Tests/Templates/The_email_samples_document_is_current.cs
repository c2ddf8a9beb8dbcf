using CartRecovery.Delivery.Tests.Templates.Samples;

namespace CartRecovery.Delivery.Tests.Templates;

public sealed class The_email_samples_document_is_current
{
    [Fact]
    public void Should_show_what_the_templates_render_today()
    {
        var path = Path.Combine(RepositoryRoot(), EmailSamplesDocument.RelativePath);
        var rendered = EmailSamplesDocument.Build();
        if (Environment.GetEnvironmentVariable(EmailSamplesDocument.UpdateVariable) == "1")
        {
            File.WriteAllText(path, rendered);
        }

        var current = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "";
        Assert.True(current == rendered,
            $"{EmailSamplesDocument.RelativePath} is out of date; regenerate it with {EmailSamplesDocument.UpdateVariable}=1 (see its header).");
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CartRecovery.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("No CartRecovery.sln above the test's directory.");
    }
}
