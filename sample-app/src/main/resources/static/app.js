// Chat page: negotiates a client access URL, connects with the JSON subprotocol, sends each line as the
// "message" event and shows what the server sends back. Plain browser JavaScript, no build step.
(() => {
	'use strict';

	const NAME = /^[A-Za-z0-9_-]{1,32}$/;
	const $ = (id) => document.getElementById(id);
	let socket = null;
	let me = null;
	// Lines sent and not yet answered; the server answers each line, in order, with an ack or an error.
	const pending = [];

	function setStatus(text, state) {
		const status = $('status');
		status.textContent = text;
		status.dataset.state = state;
	}

	function addMessage(type, parts, mine) {
		const item = document.createElement('li');
		item.className = 'message ' + type + (mine ? ' mine' : '');
		item.dataset.type = type;
		const time = document.createElement('time');
		time.textContent = new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
		item.append(time);
		for (const [className, text] of parts) {
			const span = document.createElement('span');
			span.className = className;
			span.textContent = text;
			item.append(span);
		}
		const list = $('messages');
		const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
		list.append(item);
		if (atBottom) {
			list.scrollTop = list.scrollHeight;
		}
	}

	function showOnline(users) {
		const list = $('online');
		list.replaceChildren(...users.map((user) => {
			const item = document.createElement('li');
			item.textContent = user;
			item.dataset.user = user;
			if (user === me) {
				item.classList.add('me');
			}
			return item;
		}));
		$('online-count').textContent = String(users.length);
	}

	// Most accepted lines show up as the messages they cause; joining and leaving a room is only seen here.
	function accepted(line) {
		const room = /^\/(join|leave)\s+(\S+)\s*$/.exec(line || '');
		if (room) {
			addMessage('system', [['text', (room[1] === 'join' ? 'You joined #' : 'You left #') + room[2]]]);
		}
	}

	// Payloads the chat's event handlers send; "type" says how to show them.
	function show(payload) {
		switch (payload.type) {
			case 'system':
				addMessage('system', [['text', payload.text]]);
				break;
			case 'chat':
				addMessage('chat', [['from', payload.from], ['text', payload.text]], payload.from === me);
				break;
			case 'private':
				addMessage('private', [['from', payload.from + ' → ' + payload.to], ['text', payload.text]]);
				break;
			case 'room':
				addMessage('room', [['room', '#' + payload.room], ['from', payload.from], ['text', payload.text]]);
				break;
			case 'presence':
				showOnline(payload.users);
				break;
			case 'error':
				pending.shift();
				addMessage('error', [['text', payload.text]]);
				break;
			case 'ack':
				accepted(pending.shift());
				break;
			default:
				console.warn('Unknown payload', payload);
		}
	}

	function onFrame(event) {
		const frame = JSON.parse(event.data);
		if (frame.type === 'system' && frame.event === 'connected') {
			setStatus('Connected as ' + frame.userId, 'connected');
			$('input').focus();
		}
		else if (frame.type === 'system' && frame.event === 'disconnected') {
			addMessage('error', [['text', 'Disconnected: ' + (frame.message || 'no reason given')]]);
		}
		else if (frame.type === 'message' && frame.dataType === 'json') {
			show(frame.data);
		}
	}

	async function connect(user) {
		me = user;
		$('login').hidden = true;
		$('chat').hidden = false;
		setStatus('Connecting as ' + user + '…', 'connecting');
		try {
			const response = await fetch('negotiate?userId=' + encodeURIComponent(user));
			if (!response.ok) {
				throw new Error('negotiate answered ' + response.status);
			}
			const { url } = await response.json();
			socket = new WebSocket(url, 'json.webpubsub.azure.v1');
			socket.onmessage = onFrame;
			socket.onclose = (event) => {
				setStatus('Disconnected — reload to reconnect', 'disconnected');
				addMessage('error', [['text', 'Connection closed' + (event.reason ? ': ' + event.reason : '')]]);
				showOnline([]);
			};
		}
		catch (error) {
			setStatus('Not connected', 'disconnected');
			addMessage('error', [['text', 'Could not connect: ' + error.message]]);
		}
	}

	function send(line) {
		if (!socket || socket.readyState !== WebSocket.OPEN) {
			addMessage('error', [['text', 'Not connected']]);
			return false;
		}
		socket.send(JSON.stringify({ type: 'event', event: 'message', dataType: 'text', data: line }));
		pending.push(line);
		return true;
	}

	function askForName(error) {
		$('login').hidden = false;
		$('chat').hidden = true;
		$('login-error').textContent = error || '';
		$('name').focus();
	}

	$('login-form').addEventListener('submit', (event) => {
		event.preventDefault();
		const name = $('name').value.trim();
		if (!NAME.test(name)) {
			askForName('Use 1–32 letters, digits, - or _');
			return;
		}
		// Keep the name in the address, so a reload joins again.
		history.replaceState(null, '', '?user=' + encodeURIComponent(name));
		connect(name);
	});

	$('send-form').addEventListener('submit', (event) => {
		event.preventDefault();
		const input = $('input');
		if (input.value.trim() !== '' && send(input.value)) {
			input.value = '';
		}
	});

	const user = new URLSearchParams(location.search).get('user');
	if (user !== null && NAME.test(user)) {
		connect(user);
	}
	else {
		$('name').value = user || '';
		askForName(user !== null ? 'Use 1–32 letters, digits, - or _' : '');
	}
})();
