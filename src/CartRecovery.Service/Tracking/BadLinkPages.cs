namespace CartRecovery.Service.Tracking;

/// <summary>What a person who opens a broken or old link in a browser sees, instead of an error string.</summary>
public static class BadLinkPages
{
    public const string Invalid = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Link not valid</title></head>
        <body><h1>This link is not valid.</h1><p>It may have been cut short or changed. Try the link in the email again.</p></body></html>
        """;

    public const string Expired = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Link expired</title></head>
        <body><h1>This link has expired.</h1><p>Links in our emails work for a limited time. A newer email has a fresh one.</p></body></html>
        """;
}
