using System.Globalization;
using System.Text;

namespace RagnarokOps.Bench.Classify;

/// <summary>
/// Writes a large, deterministic CI-like log: build noise (downloads, test passes, docker steps, timestamps,
/// "\r" progress bars) with a failure block (stack trace, compiler error, test failure…) every few hundred lines.
/// </summary>
internal static class CiLogGenerator
{
    private static readonly string[] Noise =
    [
        "[INFO] Downloading from central: https://repo.maven.apache.org/maven2/org/springframework/spring-core/6.1.{0}/spring-core-6.1.{0}.jar",
        "[INFO] Downloaded from central: https://repo.maven.apache.org/maven2/com/fasterxml/jackson/core/jackson-databind/2.17.{0}/jackson-databind-2.17.{0}.pom (21 kB at 1.{0} MB/s)",
        "npm http fetch GET 200 https://registry.npmjs.org/lodash/-/lodash-4.17.{0}.tgz {0}ms (cache hit)",
        "2026-11-21T10:{1:00}:{0:00}.123Z INFO  c.a.orders.OrderService - processed order {0}{1} in {0}ms for tenant acme-{1}",
        "2026-11-21 10:{1:00}:{0:00},456 DEBUG [pool-2-thread-{1}] com.acme.cart.CartRepository: loaded cart id={0}{1} items={1}",
        "ok  \tgithub.com/acme/money/internal/pkg{1}\t0.0{0}s",
        "  PASS  src/components/Widget{0}.test.tsx ({1}.{0} s)",
        "Step {1}/24 : RUN apt-get install -y --no-install-recommends libpq-dev curl ca-certificates",
        " ---> Running in 3f9a{0}b{1}c2d",
        "  Passed Acme.Cart.Tests.CartTests.Total_ForItems_Sums(count: {0}) [{1} ms]",
        "tests/test_orders.py::test_order_total[case{0}] PASSED                 [ {1}%]",
        "[INFO] Tests run: {0}, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.{1} s - in com.acme.orders.Order{0}Test",
        "   Compiling serde v1.0.{0}",
        "go: downloading golang.org/x/net v0.{1}.{0}",
        "$ docker build --cache-from registry.gitlab.com/acme/orders:latest -t orders:{0} .",
        "GET /api/orders/{0}{1} HTTP/1.1\" 200 {0}{1} \"-\" \"curl/8.5.0\"",
    ];

    private static readonly string[] Failures =
    [
        "[ERROR] com.acme.orders.OrderServiceTest.totalIncludesTax  Time elapsed: 0.011 s  <<< FAILURE!\norg.opentest4j.AssertionFailedError: expected: <110> but was: <100>\n\tat org.junit.jupiter.api.AssertEquals.assertEquals(AssertEquals.java:166)\n\tat com.acme.orders.OrderServiceTest.totalIncludesTax(OrderServiceTest.java:27)",
        "Traceback (most recent call last):\n  File \"/app/worker.py\", line 88, in handle\n    total = order[\"amount\"] * rate\nKeyError: 'amount'",
        "/builds/acme/cart/src/Cart.cs(17,32): error CS1061: 'Coupon' does not contain a definition for 'Percent'",
        "panic: assignment to entry in nil map\n\ngoroutine 42 [running]:\nmain.handler(0xc0001)\n\t/app/main.go:57 +0x1a5",
        "2026-11-21T10:00:02Z ERROR redis: Could not connect to Redis at cache:6379: Connection refused",
        "src/cart.ts(12,5): error TS2322: Type 'string' is not assignable to type 'number'.",
        "GET /api/cart HTTP/1.1\" 503 19 \"-\" \"curl/8.5.0\"",
        "ERROR: Job failed: exit code 1",
    ];

    public static void Write(string path, long bytes)
    {
        var random = new Random(42);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        long written = 0;
        var line = 0;
        while (written < bytes)
        {
            string text;
            if (++line % 400 == 0)
            {
                text = Failures[random.Next(Failures.Length)];
            }
            else if (line % 97 == 0)
            {
                text = string.Concat(Enumerable.Range(1, 10).Select(i => $"Downloading layer {i * 10}%\r")) + "Download complete";
            }
            else
            {
                text = string.Format(CultureInfo.InvariantCulture, Noise[random.Next(Noise.Length)], random.Next(10, 99), random.Next(1, 59));
            }

            writer.Write(text);
            writer.Write('\n');
            written += text.Length + 1;
        }
    }
}
