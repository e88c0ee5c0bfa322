using BenchmarkDotNet.Running;
using PromoStack.RenderBenchmarks;

// Coupon rendering. `sustained [workers] [seconds]` measures renders per second (default 2 workers for 10 s);
// `png-options` compares PNG encoder settings (time and size); anything else goes to BenchmarkDotNet, e.g.
// `--filter '*' --job short`.
switch (args.FirstOrDefault())
{
    case "sustained":
        await SustainedRenders.RunAsync(
            args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2,
            TimeSpan.FromSeconds(args.Length > 2 ? double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10));
        break;
    case "png-options":
        PngOptionsComparison.Run();
        break;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(CouponRenderBenchmarks).Assembly).Run(args);
        break;
}
