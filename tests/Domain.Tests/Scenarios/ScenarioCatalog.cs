using static RagnarokOps.Domain.Tests.Scenarios.ScenarioBuilder;

namespace RagnarokOps.Domain.Tests.Scenarios;

/// <summary>The cases the scorer is calibrated on. Onset is 14:05 (minute 65) unless a case says otherwise.</summary>
internal static class ScenarioCatalog
{
    private const string CartFrame = "   at Shop.Checkout.CartService.ApplyTotals(Cart cart) in /build/src/Checkout/CartService.cs:line 88";

    public static IEnumerable<ScenarioBuilder> All() =>
    [
        DeployCarriesSplitSignals(), FlagFlip(), ConfigFileChange(), DependencyBump(), NoCulpritInWindow(), TwoServices(),
        SparseLogs(), DiffContentOnly(), MergeCarriesCulprit(), FormattingOnlyNearOnset(), MissingLogs(), StagingDeployNotBlamed(),
        ConfigDriftOutsideGit(), ChangeAfterOnsetExcluded(), DeployWithCommitsMissing(), DeployWithFailedPipeline(),
    ];

    public static ScenarioBuilder DeployWithCommitsMissing() =>
        new ScenarioBuilder("deploy whose commits could not be read", "41")
            .Escalation("Checkout errors after release", "Since 14:05 UTC checkout returns 500.")
            .Missing("commits", "GitLab answered 500 Internal Server Error for /repository/compare")
            .Flag("banner-text", true, 10, "Holiday banner on the home page")
            .Deploy(41, "abcdef12", 62, commits: ["abcdef12", "abcdef11"]);

    public static ScenarioBuilder DeployWithFailedPipeline() =>
        new ScenarioBuilder("deploy after a failed test job", "j1j1")
            .Escalation("Checkout rounding errors", "Since 14:05 UTC totals are off by a cent: RoundingException in TotalsCalculator.")
            .Commit("j1j1", 50, "Round totals half-even", File("src/Checkout/TotalsCalculator.cs",
                ["        return Math.Round(x, 2);"], ["        return Math.Round(x, 2, MidpointRounding.ToEven);"]))
            .Pipeline(77, "j1j1", 55, "failed", "test:rounding")
            .Deploy(42, "j1j1", 60);

    /// <summary>Cases built to mislead: the top may be wrong, but never with confidence ≥ 0.8.</summary>
    public static IEnumerable<ScenarioBuilder> Ambiguous() =>
    [
        TwoCommitsOnTheStackFile(), LoggingTweakOnTheStackFileBeforeAFlag(), QuietCommitNoEvidence(),
    ];

    public static ScenarioBuilder TwoCommitsOnTheStackFile() =>
        new ScenarioBuilder("two commits touch the stack file with matching tokens", "g1g1")
            .Escalation("Checkout cart totals fail", "Since 14:05 UTC: System.InvalidOperationException in ApplyTotals\n" + CartFrame)
            .Commit("g1g1", 58, "Apply totals per line", File("src/Checkout/CartService.cs", ["        ApplyTotals(cart);"], ["        foreach (var l in cart.Lines) ApplyTotals(l);"], 87))
            .Commit("g2g2", 61, "Guard ApplyTotals", File("src/Checkout/CartService.cs", ["    void ApplyTotals(Cart cart)"], ["    void ApplyTotals(Cart cart) // guard"], 87));

    public static ScenarioBuilder LoggingTweakOnTheStackFileBeforeAFlag() =>
        new ScenarioBuilder("a log line on the stack file just before onset; the flag is the cause", "cart-v2")
            .Escalation("Checkout cart fails", "Since 14:05 UTC adding to the cart fails with CartVersionException.\n" + CartFrame)
            .Flag("cart-v2", true, 45, "Serve the version 2 cart")
            .Commit("h1h1", 62, "Log cart size", File("src/Checkout/CartService.cs", [], ["        _log.CartSize(cart.Lines.Count);"]));

    public static ScenarioBuilder QuietCommitNoEvidence() =>
        new ScenarioBuilder("a commit just before onset with nothing linking it", null)
            .Escalation("Checkout is slow", "Since 14:05 UTC checkout answers 504 Gateway Timeout.")
            .Commit("i1i1", 63, "Tidy the order summary page", File("src/Checkout/Views/Summary.cshtml", ["<h2>Summary</h2>"], ["<h2>Order summary</h2>"]))
            .Deploy(31, "i1i1", 64);

    public static ScenarioBuilder DeployCarriesSplitSignals() =>
        new ScenarioBuilder("deploy whose commits each carry part of the signal", "7")
            .Escalation("Checkout returns 500 for card payments",
                "Since 14:05 UTC POST /api/checkout fails: PaymentGatewayException \"gateway read timeout\".\n" + CartFrame)
            .Commit("c1a1", 20, "Shorten gateway waits", File("src/Checkout/Gateway/GatewayClient.cs",
                ["    private const int ReadTimeoutMs = 30000;"], ["    private const int ReadTimeoutMs = 300; // gateway read timeout"]))
            .Commit("c2b2", 30, "Recompute totals lazily", File("src/Checkout/CartService.cs",
                ["        var totals = cart.Totals();"], ["        var totals = cart.LazyTotals();"], 87))
            .Commit("c3c3", 40, "Tweak button colour", File("src/Checkout/wwwroot/site.css", ["  color: #111;"], ["  color: #222;"]))
            .Deploy(7, "c3c3", 62, commits: ["c1a1", "c2b2", "c3c3"]);

    public static ScenarioBuilder FlagFlip() =>
        new ScenarioBuilder("flag flip right before onset", "new-pricing-engine")
            .Escalation("Checkout totals wrong, PricingEngineException",
                "Customer: Acme Corp. Since 14:05 UTC checkout throws PricingEngineException: \"pricing engine rejected basket\".")
            .Commit("d4d4", 10, "Add pricing engine behind a flag", File("src/Checkout/Pricing/PricingEngine.cs",
                [], ["    // new pricing engine, off by default", "    public Money Price(Basket basket) => _engine.Price(basket);"]))
            .Deploy(11, "d4d4", 15)
            .Flag("new-pricing-engine", true, 63, "Route checkout pricing through the new pricing engine");

    public static ScenarioBuilder ConfigFileChange() =>
        new ScenarioBuilder("config file change", "e5e5")
            .Escalation("Checkout payments time out", "Since 14:05 UTC payments fail with TaskCanceledException.")
            .Sample("TaskCanceledException", "payment provider call exceeded provider_timeout_ms=300")
            .Commit("e5e5", 55, "Tune provider settings", File("src/Checkout/config/production.yaml",
                ["  provider_timeout_ms: 30000"], ["  provider_timeout_ms: 300"]))
            .Commit("e6e6", 20, "Rename a private helper", File("src/Checkout/Helpers.cs", ["    static int Sum(int a) => a;"], ["    static int Add(int a) => a;"]));

    public static ScenarioBuilder DependencyBump() =>
        new ScenarioBuilder("dependency bump", "f7f7")
            .Escalation("Checkout: StripeException on every payment",
                "Since 14:05 UTC: Stripe.StripeException: Received unknown parameter: payment_method_types\n" +
                "   at Stripe.StripeClient.RequestAsync(BaseOptions options)\n" + CartFrame)
            .Commit("f7f7", 58, "Bump Stripe.net to 45.0.0", File("src/Checkout/Checkout.csproj",
                ["    <PackageReference Include=\"Stripe.net\" Version=\"44.1.0\" />"], ["    <PackageReference Include=\"Stripe.net\" Version=\"45.0.0\" />"]))
            .Commit("f8f8", 35, "Log basket size", File("src/Checkout/Basket.cs", [], ["        _log.BasketSize(basket.Count);"]));

    public static ScenarioBuilder NoCulpritInWindow() =>
        new ScenarioBuilder("no culprit in the window", null)
            .Escalation("Checkout slow and failing", "Since 14:05 UTC checkout answers 503 Service Unavailable: upstream connect error.")
            .Commit("a0a0", 5, "Document the release process", File("docs/release.md", ["old"], ["new"]))
            .Commit("a1a1", 20, "Invoice PDF footer", File("src/Billing/InvoicePdf.cs", ["    Footer = \"x\";"], ["    Footer = \"y\";"]));

    public static ScenarioBuilder TwoServices() =>
        new ScenarioBuilder("two services changed; the escalated one wins", "b2b2")
            .Escalation("Checkout cart crashes with NullReferenceException",
                "Since 14:05 UTC adding to cart fails:\nSystem.NullReferenceException: Object reference not set\n" + CartFrame)
            .Commit("b1b1", 62, "Round invoice totals", File("src/Billing/InvoiceService.cs", ["        return total;"], ["        return Math.Round(total, 2);"]))
            .Commit("b2b2", 50, "Skip empty discounts in cart totals", File("src/Checkout/CartService.cs",
                ["        var discount = cart.Discount ?? Discount.None;"], ["        var discount = cart.Discount;"], 87));

    public static ScenarioBuilder SparseLogs() =>
        new ScenarioBuilder("sparse logs", "c9c9")
            .Escalation("Occasional checkout failures: ERR_CART_LOCKED", "Some customers see ERR_CART_LOCKED on checkout.")
            .Errors([new(At(12), 1, 5), new(At(70), 1, 3), new(At(72), 2, 4), new(At(75), 1, 2), new(At(79), 2, 5), new(At(84), 1, 2), new(At(90), 2, 4), new(At(97), 1, 3), new(At(101), 1, 3), new(At(105), 2, 3), new(At(110), 1, 3), new(At(116), 1, 3)])
            .Commit("c9c9", 66, "Lock carts during payment", File("src/Checkout/CartLock.cs", [], ["        throw new CartLockedException(\"ERR_CART_LOCKED\");"]))
            .Commit("c8c8", 30, "Rename metrics", File("src/Checkout/Metrics.cs", ["    Counter(\"a\");"], ["    Counter(\"b\");"]));

    public static ScenarioBuilder DiffContentOnly() =>
        new ScenarioBuilder("culprit found only through diff content", "d2d2")
            .Escalation("Coupons rejected at checkout",
                "Since 14:05 UTC customers get \"Coupon code has expired\" (COUPON_EXPIRED) for valid coupons.\n" +
                "   at Shop.Checkout.CheckoutController.Post() in /build/src/Checkout/CheckoutController.cs:line 40")
            .Commit("d1d1", 25, "Log the checkout request id", File("src/Checkout/CheckoutController.cs", [], ["        _log.Request(HttpContext.TraceIdentifier);"]))
            .Commit("d2d2", 55, "Expire coupons at the start of the day", File("src/Checkout/Pricing/Rules.cs",
                ["        if (coupon.ExpiresAt < now)"], ["        if (coupon.ExpiresAt.Date <= now.Date)", "            throw new CouponException(\"COUPON_EXPIRED\", \"Coupon code has expired\");"]));

    public static ScenarioBuilder MergeCarriesCulprit() =>
        new ScenarioBuilder("merge commit carries the culprit", "e2e2")
            .Escalation("Checkout shipping costs fail", "Since 14:05 UTC: ShippingRateException \"no rate for zone\" on POST /api/checkout.")
            .Commit("e1e1", 10, "Add zone table", File("src/Checkout/Shipping/Zones.cs", [], ["    public static readonly Zone[] All = [];"]))
            .Commit("e2e2", 40, "Look shipping rates up by zone", File("src/Checkout/Shipping/Rates.cs",
                ["        return _rates.Default;"], ["        return _rates.ForZone(zone) ?? throw new ShippingRateException(\"no rate for zone\");"]))
            .CommitWithParents("e3e3", 60, "Merge branch 'shipping-zones' into 'main'", ["e1e1", "e2e2"], File("src/Checkout/Shipping/Rates.cs",
                ["        return _rates.Default;"], ["        return _rates.ForZone(zone) ?? throw new ShippingRateException(\"no rate for zone\");"]));

    public static ScenarioBuilder FormattingOnlyNearOnset() =>
        new ScenarioBuilder("formatting-only commit near onset", "f2f2")
            .Escalation("Checkout cart totals throw InvalidOperationException",
                "Since 14:05 UTC: System.InvalidOperationException: Sequence contains no elements\n" + CartFrame)
            .Commit("f2f2", 35, "Use the first line's currency for totals", File("src/Checkout/CartService.cs",
                ["        var currency = cart.Currency;"], ["        var currency = cart.Lines.First().Currency;"], 87))
            .Commit("f3f3", 63, "Reformat cart service", File("src/Checkout/CartService.cs",
                ["        var currency = cart.Lines.First().Currency;", "    if(x){y();}"], ["        var currency  =  cart.Lines.First().Currency;", "    if (x) { y(); }"], 87));

    public static ScenarioBuilder MissingLogs() =>
        new ScenarioBuilder("logs missing", "a7a7")
            .Escalation("Checkout fails with ERR_TAX_LOOKUP since 14:05 UTC", "Tax lookup fails: TaxServiceException \"region not supported\".")
            .NoLogs()
            .Missing("logs", "Log Analytics answered 403 Forbidden for workspace shop-prod")
            .Commit("a7a7", 58, "Restrict tax regions", File("src/Checkout/Tax/TaxRegions.cs",
                [], ["        if (!Supported(region)) throw new TaxServiceException(\"region not supported\");"]))
            .Commit("a8a8", 30, "Update README", File("README.md", ["a"], ["b"]));

    public static ScenarioBuilder StagingDeployNotBlamed() =>
        new ScenarioBuilder("deploy to staging is not the production cause", "b5b5")
            .Escalation("Checkout receipts fail in production",
                "Since 14:05 UTC receipts fail in production: ReceiptRenderException \"template not found: receipt_v2\".")
            .Commit("b5b5", 30, "Render receipts with receipt_v2", File("src/Checkout/Receipts/Renderer.cs",
                ["        Render(\"receipt_v1\");"], ["        Render(\"receipt_v2\");"]))
            .Deploy(21, "b5b5", 45)
            .Commit("b6b6", 60, "Staging smoke test data", File("src/Checkout/Receipts/Seed.cs", [], ["        Seed(\"receipt_v2\");"]))
            .Deploy(22, "b6b6", 63, environment: "staging");

    public static ScenarioBuilder ConfigDriftOutsideGit() =>
        new ScenarioBuilder("config drift outside git", "Checkout__MaxPoolSize")
            .Escalation("Checkout database errors",
                "Since 14:05 UTC: Npgsql.NpgsqlException: The connection pool has been exhausted (MaxPoolSize reached).")
            .Commit("c0c0", 15, "Add order index", File("src/Checkout/Orders/OrderQueries.cs", ["        .Where(o => o.Id == id)"], ["        .Where(o => o.Id == id).AsNoTracking()"]))
            .Drift("Checkout__MaxPoolSize", "appsettings.Production.json", "100", "5", 62);

    public static ScenarioBuilder ChangeAfterOnsetExcluded() =>
        new ScenarioBuilder("a matching change after the onset is not a cause", "a3a3")
            .Escalation("Checkout gift cards fail", "Since 14:05 UTC: GiftCardException \"balance unavailable\" at checkout.")
            .Commit("a3a3", 50, "Call the new balance endpoint", File("src/Checkout/GiftCards/Balance.cs",
                ["        return _client.Balance(card);"], ["        return _client.BalanceV2(card) ?? throw new GiftCardException(\"balance unavailable\");"]))
            .Commit("a4a4", 90, "Retry gift card balance when unavailable", File("src/Checkout/GiftCards/Balance.cs",
                ["        throw new GiftCardException(\"balance unavailable\");"], ["        return Retry(() => throw new GiftCardException(\"balance unavailable\"));"]));
}
