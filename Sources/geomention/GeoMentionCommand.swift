// Placeholder entry point so the package builds; replaced by the command-line target's owner.
@main
struct GeoMentionCommand {
    static func main() {}
}
