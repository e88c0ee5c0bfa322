/// <summary>The console entry point stays internal: test projects that reference both hosts see one <c>Program</c>, the web one.</summary>
internal partial class Program;
