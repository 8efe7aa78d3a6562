// Starts Swagger UI on the page's #swagger-ui element. It lives in a file of its own, not inline,
// so that the docs page works under a Content-Security-Policy that allows only scripts from us.
"use strict";

window.addEventListener("DOMContentLoaded", () => {
  const root = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: root.dataset.openapiUrl,
    domNode: root,
    deepLinking: true,
    // No badge from the public validator: the page talks to this server only.
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
  });
});
