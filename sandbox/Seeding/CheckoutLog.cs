using System.Globalization;
using System.Text;
using System.Text.Json;

namespace RagnarokOps.Sandbox.Seeding;

/// <summary>
/// The checkout service's production log as JSON lines: steady traffic, a trickle of unrelated errors,
/// then NullReferenceExceptions on POST /api/checkout (carts without a coupon) once the culprit is live.
/// Deterministic for a given anchor.
/// </summary>
internal static class CheckoutLog
{
    private static readonly (string Method, string Path, int Weight)[] Routes =
    [
        ("GET", "/api/cart/{id}", 40), ("POST", "/api/checkout", 30), ("GET", "/healthz", 20), ("POST", "/api/cart/{id}/lines", 10),
    ];

    /// <summary>Writes the log and returns the time of the first culprit error (the onset).</summary>
    public static DateTimeOffset Write(string path, DateTimeOffset start, DateTimeOffset end, DateTimeOffset errorsFrom, int culpritLine)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var random = new Random(4711);
        DateTimeOffset? onset = null;
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16);
        var stack = JsonEncodedText.Encode(
            "System.NullReferenceException: Object reference not set to an instance of an object.\n" +
            $"   at Checkout.Api.Controllers.CheckoutController.PlaceOrder(CheckoutRequest request) in /builds/shop/checkout/src/Checkout.Api/Controllers/CheckoutController.cs:line {culpritLine}\n" +
            "   at Microsoft.AspNetCore.Mvc.Infrastructure.ActionMethodExecutor.SyncObjectResultExecutor.Execute(ActionContext context)\n" +
            "   at Microsoft.AspNetCore.Mvc.Infrastructure.ControllerActionInvoker.InvokeActionMethodAsync()");
        for (var t = start; t < end; t = t.AddMilliseconds(300 + random.Next(800)))
        {
            var route = Pick(random);
            var url = route.Path.Replace("{id}", random.Next(1000, 9999).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            var traceId = random.NextInt64().ToString("x16", CultureInfo.InvariantCulture);
            var duration = 8 + random.Next(90);
            var hasCoupon = random.NextDouble() < 0.35;
            var timestamp = t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            if (route.Path == "/api/checkout" && !hasCoupon && t >= errorsFrom)
            {
                onset ??= t;
                // The service logs the body of a request that failed (no personal data in a cart), as Serilog's request logging can.
                var body = JsonEncodedText.Encode(FailedCart(random), System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
                writer.Write($$"""{"timestamp":"{{timestamp}}","level":"Error","service":"checkout","environment":"production","message":"Unhandled exception while processing POST /api/checkout","http_method":"POST","path":"/api/checkout","status":500,"duration_ms":{{duration}},"trace_id":"{{traceId}}","request_body":"{{body}}","exception":"{{stack}}"}""");
            }
            else if (random.NextDouble() < 0.002)
            {
                writer.Write($$"""{"timestamp":"{{timestamp}}","level":"Warning","service":"checkout","environment":"production","message":"Payment gateway call timed out after 3000 ms; retrying","http_method":"{{route.Method}}","path":"{{url}}","status":504,"duration_ms":3000,"trace_id":"{{traceId}}"}""");
            }
            else
            {
                writer.Write($$"""{"timestamp":"{{timestamp}}","level":"Information","service":"checkout","environment":"production","message":"HTTP {{route.Method}} {{url}} responded 200 in {{duration}} ms","http_method":"{{route.Method}}","path":"{{url}}","status":200,"duration_ms":{{duration}},"trace_id":"{{traceId}}"}""");
            }

            writer.Write('\n');
        }

        return onset ?? throw new InvalidOperationException("The log window ends before the errors begin.");
    }

    /// <summary>A checkout request for a cart without a coupon: what fails once the culprit is live.</summary>
    private static string FailedCart(Random random)
    {
        var cart = new Guid(random.Next(), (short)random.Next(short.MaxValue), (short)random.Next(short.MaxValue), 0x8a, 0x1f, 0, 0, 0, 0, 0, 0x2a);
        var quantity = 1 + random.Next(3);
        var price = (1990 + random.Next(3000)) / 100m;
        return string.Create(CultureInfo.InvariantCulture,
            $$"""{"cart":{"id":"{{cart}}","lines":[{"sku":"SKU-{{1000 + random.Next(9000)}}","quantity":{{quantity}},"unitPrice":{{price}}}],"coupon":null},"shippingCountry":"DE"}""");
    }

    private static (string Method, string Path, int Weight) Pick(Random random)
    {
        var roll = random.Next(100);
        foreach (var route in Routes)
        {
            if (roll < route.Weight)
            {
                return route;
            }

            roll -= route.Weight;
        }

        return Routes[0];
    }
}
