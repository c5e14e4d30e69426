"""Sending rendered replies: in order, as HTML, with link previews off so cards stay compact."""

from __future__ import annotations

from telegram import LinkPreviewOptions, Message

from bot.render import Reply

_NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


async def send_replies(message: Message, replies: list[Reply]) -> None:
    for reply in replies:
        await message.reply_html(
            reply.text, reply_markup=reply.keyboard, link_preview_options=_NO_PREVIEW
        )
