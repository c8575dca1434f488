using static Outreach.Dashboard.Pages.Html;

namespace Outreach.Dashboard.Pages;

/// <summary>
/// The one layout of every page: Aspire's navigation (Resources, Console, Structured, Traces, Metrics) plus Event
/// streams, our stylesheet and script, no asset from elsewhere. The element with id "live" is re-fetched by the
/// script every two seconds (unless paused), which is how every page updates itself.
/// </summary>
public static class DashboardLayout
{
    public const string StylesheetPath = "/assets/dashboard.css";
    public const string ScriptPath = "/assets/dashboard.js";

    private static readonly (string Path, string Label)[] Navigation =
    [
        ("/", "Resources"),
        ("/consolelogs", "Console"),
        ("/structuredlogs", "Structured"),
        ("/traces", "Traces"),
        ("/metrics", "Metrics"),
        ("/events", "Event streams"),
    ];

    /// <summary>A full page; <paramref name="body"/> is trusted markup built from encoded parts.</summary>
    public static IResult Page(HttpContext http, string title, string activePath, string body, int status = StatusCodes.Status200OK)
    {
        http.Response.Headers.CacheControl = "no-store";
        var nav = string.Concat(Navigation.Select(item =>
            $"""<a href="{item.Path}"{(item.Path == activePath ? " aria-current=\"page\"" : "")}>{E(item.Label)}</a>"""));
        return Results.Content(
            $"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{E(title)} · Outreach dashboard</title><link rel="stylesheet" href="{StylesheetPath}"><script src="{ScriptPath}" defer></script></head>
            <body><header><span class="brand">Outreach</span><nav>{nav}</nav></header>
            <main><h1>{E(title)}</h1>
            {body}
            </main></body></html>
            """,
            "text/html; charset=utf-8",
            statusCode: status);
    }

    /// <summary>The live region: re-fetched every <paramref name="intervalMs"/> milliseconds; a pause box stops it.</summary>
    public static string Live(string content, int intervalMs = 2000) =>
        $"""<p class="live-controls"><label><input type="checkbox" id="pause"> Pause updates</label></p><div id="live" data-interval="{intervalMs}">{content}</div>""";

    public static string Table(IEnumerable<string> headers, IEnumerable<string> rows, string? caption = null) =>
        $"""<table>{(caption is null ? "" : $"<caption>{E(caption)}</caption>")}<thead><tr>{string.Concat(headers.Select(h => $"<th scope=\"col\">{E(h)}</th>"))}</tr></thead><tbody>{string.Concat(rows)}</tbody></table>""";

    public static IResult Stylesheet(HttpContext http)
    {
        http.Response.Headers.CacheControl = "public, max-age=3600";
        return Results.Text(Css, "text/css; charset=utf-8");
    }

    public static IResult Script(HttpContext http)
    {
        http.Response.Headers.CacheControl = "public, max-age=3600";
        return Results.Text(Js, "text/javascript; charset=utf-8");
    }

    private const string Css = """
        :root { font-family: system-ui, sans-serif; font-size: 14px; line-height: 1.4; color: #1b1f24; background: #f6f7f9; }
        body { margin: 0; }
        header { display: flex; gap: 1.5rem; align-items: center; padding: .6rem 1rem; background: #1f2937; color: #fff; flex-wrap: wrap; }
        header .brand { font-weight: 700; }
        header nav { display: flex; gap: .25rem; flex-wrap: wrap; }
        header nav a { color: #d1d5db; text-decoration: none; padding: .3rem .7rem; border-radius: .3rem; }
        header nav a[aria-current=page], header nav a:hover { background: #374151; color: #fff; }
        main { padding: 1rem; }
        h1 { font-size: 1.3rem; margin: 0 0 .8rem; }
        h2 { font-size: 1.1rem; }
        table { border-collapse: collapse; width: 100%; background: #fff; }
        th, td { text-align: left; padding: .35rem .6rem; border-bottom: 1px solid #e5e7eb; vertical-align: top; }
        th { background: #f3f4f6; font-weight: 600; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        code, pre, .mono { font-family: ui-monospace, monospace; font-size: 12px; }
        pre { background: #111827; color: #e5e7eb; padding: .6rem; overflow: auto; max-height: 70vh; white-space: pre-wrap; word-break: break-all; }
        .stderr { color: #fca5a5; }
        .badge { display: inline-block; min-width: 1.2rem; padding: 0 .4rem; border-radius: 1rem; background: #b91c1c; color: #fff; text-align: center; text-decoration: none; }
        .state-Running { color: #15803d; } .state-Exited, .state-FailedToStart { color: #b91c1c; } .state-Starting, .state-Waiting { color: #a16207; }
        .level-Error, .level-Critical { color: #b91c1c; font-weight: 600; } .level-Warning { color: #a16207; }
        button { font: inherit; padding: .2rem .6rem; border: 1px solid #9ca3af; border-radius: .3rem; background: #fff; cursor: pointer; }
        button:hover { background: #f3f4f6; }
        form.filters { display: flex; gap: .6rem; flex-wrap: wrap; align-items: end; margin-bottom: .8rem; }
        form.filters label { display: flex; flex-direction: column; font-weight: 600; }
        input, select { font: inherit; padding: .25rem .4rem; border: 1px solid #9ca3af; border-radius: .3rem; }
        .live-controls { margin: 0 0 .5rem; color: #4b5563; }
        .waterfall { position: relative; height: 1rem; background: #f3f4f6; min-width: 12rem; }
        .waterfall span { position: absolute; top: 0; height: 1rem; border-radius: 2px; min-width: 2px; }
        .swatch { display: inline-block; width: .8rem; height: .8rem; border-radius: 2px; vertical-align: middle; margin-right: .3rem; }
        .chart { background: #fff; border: 1px solid #e5e7eb; }
        .muted { color: #6b7280; }
        :focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
        @media (max-width: 700px) { table { display: block; overflow-x: auto; } }
        """;

    // Re-fetches the page and swaps the live region in place; nothing from elsewhere, no framework.
    private const string Js = """
        (function () {
          const live = document.getElementById('live');
          if (live) {
            const interval = parseInt(live.dataset.interval || '2000', 10);
            const pause = document.getElementById('pause');
            // A keyboard user's focus inside the region would be lost by the swap: wait until it leaves.
            const holding = () => (pause && pause.checked) || document.hidden || live.contains(document.activeElement);
            async function refresh() {
              if (holding()) return;
              try {
                const response = await fetch(location.href, { headers: { 'x-dashboard-live': '1' } });
                if (!response.ok) return;
                const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
                const next = doc.getElementById('live');
                if (next && !holding()) { live.innerHTML = next.innerHTML; document.dispatchEvent(new Event('dashboard:updated')); }
              } catch (e) { /* the AppHost may be restarting; try again next round */ }
            }
            setInterval(refresh, interval);
          }
          const consoleView = document.getElementById('console');
          if (consoleView) {
            const pauseConsole = document.getElementById('pause-console');
            let after = parseInt(consoleView.dataset.after || '0', 10);
            // One request at a time: on a loaded machine an answer can take longer than the interval, and two
            // requests in flight with the same 'after' would both append the same lines.
            let polling = false;
            const paused = () => (pauseConsole && pauseConsole.checked) || document.hidden;
            consoleView.scrollTop = consoleView.scrollHeight;
            setInterval(async function () {
              if (polling || paused()) return;
              polling = true;
              try {
                const response = await fetch(consoleView.dataset.source + '?after=' + after);
                if (!response.ok) return;
                const data = await response.json();
                // Paused while the answer was on its way: drop it, resuming asks again from the same line.
                if (data.lines.length === 0 || paused()) return;
                const atBottom = consoleView.scrollTop + consoleView.clientHeight >= consoleView.scrollHeight - 20;
                consoleView.insertAdjacentHTML('beforeend', data.html);
                after = data.lines[data.lines.length - 1].sequence;
                if (atBottom) consoleView.scrollTop = consoleView.scrollHeight;
              } catch (e) { /* try again next round */ }
              finally { polling = false; }
            }, 1000);
          }
          document.addEventListener('click', async function (event) {
            const button = event.target.closest('button[data-command]');
            if (!button) return;
            button.disabled = true;
            try {
              const response = await fetch(button.dataset.command, { method: 'POST' });
              const status = document.getElementById('command-status');
              if (status) status.textContent = response.ok ? 'Done: ' + button.textContent : 'Failed (' + response.status + ')';
            } finally { button.disabled = false; }
          });
        })();
        """;
}
