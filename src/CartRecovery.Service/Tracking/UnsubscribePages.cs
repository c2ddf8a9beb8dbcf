namespace CartRecovery.Service.Tracking;

/// <summary>Plain pages: the GET only asks, the POST (the button, or a mail client's one-click) acts.</summary>
public static class UnsubscribePages
{
    public const string Confirm = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Unsubscribe</title></head>
        <body>
          <h1>Unsubscribe from these emails?</h1>
          <form method="post"><button type="submit">Unsubscribe</button></form>
        </body></html>
        """;

    public const string Done = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Unsubscribed</title></head>
        <body><h1>You are unsubscribed.</h1><p>You will not get these emails any more.</p></body></html>
        """;
}
