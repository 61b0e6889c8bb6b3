# A stand-in for the backends file written at start time, so that the VCL can be compiled on its own:
# varnishd -C -f deploy/varnish/site.vcl -p vcl_path=deploy/varnish:deploy/varnish/check
import directors;
backend app1 { .host = "127.0.0.1"; .port = "3001"; }
sub init_backends {
  new app = directors.round_robin();
  app.add_backend(app1);
}
sub next_backend {
  if (bereq.http.X-Failed-Backend == "app1") {
    set bereq.backend = app1;
  }
}
