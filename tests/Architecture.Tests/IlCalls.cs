using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;

namespace PromoStack.Architecture.Tests;

/// <summary>Reads method bodies' IL to find which methods they call (NetArchTest sees types, not calls).</summary>
internal static class IlCalls
{
    private const BindingFlags Declared =
        BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>Every method, constructor and accessor body declared by <paramref name="type"/> itself.</summary>
    public static IEnumerable<MethodBase> BodiesOf(Type type) =>
        type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared));

    /// <summary>The methods that <paramref name="method"/> calls, loads (ldftn) or constructs (newobj).</summary>
    public static IEnumerable<MethodBase> CalledBy(MethodBase method)
    {
        byte[]? il;
        try
        {
            il = method.GetMethodBody()?.GetILAsByteArray();
        }
        catch (InvalidOperationException)
        {
            yield break;
        }

        if (il is null)
        {
            yield break;
        }

        var position = 0;
        while (position < il.Length)
        {
            OpCode opCode;
            var first = il[position++];
            if (first == 0xFE)
            {
                opCode = OpCodesByValue[unchecked((short)(0xFE00 | il[position++]))];
            }
            else
            {
                opCode = OpCodesByValue[first];
            }

            // InlineTok covers ldtoken, which is how an expression tree refers to a method.
            if (opCode.OperandType is OperandType.InlineMethod or OperandType.InlineTok)
            {
                var token = BitConverter.ToInt32(il, position);
                if (Resolve(method, token) is { } called)
                {
                    yield return called;
                }
            }

            position += OperandSize(opCode, il, position);
        }
    }

    /// <summary>The source types (see <see cref="SourceTypeOf"/>) whose code calls a method matching <paramref name="target"/>.</summary>
    public static IReadOnlySet<Type> CallersOf(IEnumerable<Assembly> assemblies, Func<MethodBase, bool> target)
    {
        var callers = new HashSet<Type>();
        foreach (var assembly in assemblies)
        {
            foreach (var type in ProjectAssemblies.TypesOf(assembly))
            {
                if (BodiesOf(type).Any(body => CalledBy(body).Any(target)))
                {
                    callers.Add(SourceTypeOf(type));
                }
            }
        }

        return callers;
    }

    /// <summary>The type a reader of the source would name: compiler-generated nested types map to their outer type.</summary>
    public static Type SourceTypeOf(Type type)
    {
        while (type.DeclaringType is { } outer && IsCompilerGenerated(type))
        {
            type = outer;
        }

        return type;
    }

    private static bool IsCompilerGenerated(Type type) =>
        type.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false) || type.Name.StartsWith('<');

    private static MethodBase? Resolve(MethodBase method, int token)
    {
        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        try
        {
            return method.Module.ResolveMember(token, typeArguments, methodArguments) as MethodBase;
        }
        catch (Exception exception) when (exception is ArgumentException or TypeLoadException or FileNotFoundException or MissingMethodException or BadImageFormatException)
        {
            // A call into an assembly that is not deployed with the tests cannot be IgnoreQueryFilters (EF Core is).
            return null;
        }
    }

    private static int OperandSize(OpCode opCode, byte[] il, int position) => opCode.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, position)),
        _ => 4,
    };
}
