// Placeholder translation unit so the app layer is a library before its use cases land.
namespace lingyan::http {
int LayerMarker() { return 0; }
}  // namespace lingyan::http
