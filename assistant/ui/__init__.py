"""The Gradio UI: `blocks.build_ui` lays out the tabs; `actions` holds the functions the events call, `views`
the values and formatting they show.
A door onto the same ChatService as the HTTP API.
"""
