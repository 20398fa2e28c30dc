"""A banner on every page, from plugin config `onrecord: {banner: ...}`: the demo uses it to say
that its people and organisations are fictional."""
from datasette import hookimpl


@hookimpl
def extra_template_vars(datasette):
    config = datasette.plugin_config("onrecord") or {}
    return {"onrecord_banner": config.get("banner")}
