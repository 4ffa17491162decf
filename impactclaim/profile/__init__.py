"""Rendering: statement -> view model -> HTML (Jinja2) -> hybrid PDF/A-3b (WeasyPrint).

Modules, lightest first: ``labels`` (nl and en), ``sdg``, ``formatting``, ``safety`` (what a
statement may make the renderer read), ``model`` (the view model), ``html``, ``pdf``,
``output`` (atomic writes) and ``command`` (the render and extract commands; reading the
statement back out of a PDF is ``impactclaim.embedded``, which the loader uses too). This
package imports nothing heavy itself: Jinja2, WeasyPrint, Babel and pypdf load only when a profile is
rendered or a PDF is read.
"""
