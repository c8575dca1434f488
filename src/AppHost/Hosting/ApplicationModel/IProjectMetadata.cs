namespace Outreach.AppHost.Hosting.ApplicationModel;

/// <summary>Where a referenced project lives and where its build puts its entry assembly.</summary>
public interface IProjectMetadata
{
    string ProjectPath { get; }

    string AssemblyPath { get; }
}
