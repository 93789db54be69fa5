"""The Gradio UI: `blocks.build_ui` lays out the tabs; `actions` holds the functions the events call.
A door onto the same ChatService as the HTTP API.
"""
